package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * The phone section says why a code was refused and, when the service names a wait, counts it down.
 * The resend cooldown is 45 s here, so a wait the page made up (the default is 30 s) shows.
 */
@TestPropertySource(properties = "sms.verification.cooldown-base=45s")
class SettingsPhoneLimitsBrowserTests extends DemoBrowserTests {

  static final By PHONE_ERROR = By.id("phone-error");
  static final By CODE_ERROR = By.id("code-error");
  static final Pattern WAIT = Pattern.compile("Try again in (\\d+) s\\.");

  @Test
  void aSecondCodeTooSoonShowsTheServicesWaitCountingDown() {
    signInAsNewUser("fern");
    askForCode("+1 202 555 0161");
    browser.find(By.id("code-cancel")).click();

    browser.find(By.id("verify-button")).click();

    browser.untilText(PHONE_ERROR, "Please wait before asking for another code.");
    int first = secondsLeft(PHONE_ERROR);
    assertThat(first).isBetween(35, 45);
    assertThat(browser.find(By.id("verify-button")).isEnabled()).isFalse();
    browser.until(d -> secondsLeft(PHONE_ERROR) < first);
    assertThat(browser.find(By.id("code-dialog")).isDisplayed()).isFalse();
    browser.assertAccessible();
  }

  @Test
  void fiveWrongCodesLockTheCodeAndShowTheWaitForANewOne() {
    signInAsNewUser("gus");
    askForCode("+1 202 555 0162");

    for (int left = 4; left >= 0; left--) {
      submitCode("000000");
      browser.untilText(CODE_ERROR, "Attempts left: " + left + ".");
    }
    submitCode("000000");

    browser.untilText(CODE_ERROR, "Too many wrong codes. Ask for a new one.");
    int first = secondsLeft(CODE_ERROR);
    assertThat(first).isBetween(15, 45);
    browser.until(d -> secondsLeft(CODE_ERROR) < first);
    browser.assertAccessible();
  }

  @Test
  void anOptedOutNumberIsToldToTextStartFirstAndGetsNoCode() {
    var calls = signInAsNewUser("hana");
    calls.inbound("+12025550163", "STOP");

    browser.find(By.id("phone-input")).sendKeys("+1 202 555 0163");
    browser.find(By.id("verify-button")).click();

    browser.untilText(PHONE_ERROR, "opted out");
    assertThat(browser.find(PHONE_ERROR).getText())
        .contains("Text START to")
        .contains("first")
        .doesNotContain("Try again in");
    assertThat(browser.find(By.id("verify-button")).isEnabled()).isTrue();
    assertThat(browser.find(By.id("code-dialog")).isDisplayed()).isFalse();
    var view = calls.preferences(calls.token("hana"));
    assertThat(view.path("pending_phone_number").isString()).isFalse();
    assertThat(view.path("phone_number").isString()).isFalse();
  }

  private ServiceCalls signInAsNewUser(String user) {
    var calls = new ServiceCalls(port);
    calls.provision(user, user);
    browser.open("http://localhost:" + port + "/settings?token=" + calls.token(user));
    browser.untilText(By.id("phone-badge"), "Unverified");
    return calls;
  }

  private void askForCode(String number) {
    browser.find(By.id("phone-input")).sendKeys(number);
    browser.find(By.id("verify-button")).click();
    browser.visible(By.id("code-input"));
  }

  private void submitCode(String code) {
    var input = browser.find(By.id("code-input"));
    input.clear();
    input.sendKeys(code);
    browser.find(By.id("code-submit")).click();
  }

  /** The seconds the error's countdown shows now, or a large number while it shows none. */
  private static int secondsLeft(By error) {
    Matcher wait = WAIT.matcher(browser.find(error).getText());
    return wait.find() ? Integer.parseInt(wait.group(1)) : Integer.MAX_VALUE;
  }
}
