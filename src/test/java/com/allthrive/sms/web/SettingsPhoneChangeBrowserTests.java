package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A user with a verified number removes it, or replaces it by verifying another one. */
class SettingsPhoneChangeBrowserTests extends DemoBrowserTests {

  static final By BADGE = By.id("phone-badge");
  static final By MASKED = By.id("phone-masked");
  static final By SWITCHES = By.cssSelector("button[role=switch]");
  static final String DM = "button[data-field=allow_sms_dm_notifications]";

  @Test
  void removeAsksFirstAndOnceConfirmedLeavesTheAccountUnverifiedWithoutANumber() {
    var calls = new ServiceCalls(port);
    String alice = signIn(calls, "demo-alice");
    browser.find(By.id("remove-button")).click();
    browser.until(ExpectedConditions.alertIsPresent()).dismiss();
    boolean dm = calls.preferences(alice).get("allow_sms_dm_notifications").asBoolean();
    browser.find(By.cssSelector(DM)).click();
    browser.until(
        d -> calls.preferences(alice).get("allow_sms_dm_notifications").asBoolean() != dm);
    assertThat(calls.preferences(alice).get("phone_number").asString()).isEqualTo("+12025550143");

    browser.find(By.id("remove-button")).click();

    Alert confirm = browser.until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).startsWith("Remove +1").contains("43?");
    confirm.accept();
    browser.untilText(BADGE, "Unverified");
    assertThat(browser.find(MASKED).getText()).isEqualTo("No number yet");
    assertThat(browser.driver().findElements(SWITCHES))
        .isNotEmpty()
        .noneMatch(WebElement::isEnabled);
    assertThat(browser.find(By.id("remove-button")).isEnabled()).isFalse();
    var view = calls.preferences(alice);
    assertThat(view.get("phone_number").isNull()).isTrue();
    assertThat(view.get("phone_verified").asBoolean()).isFalse();
  }

  @Test
  void changeKeepsTheOldNumberInUseUntilTheNewOneIsVerified() {
    var calls = new ServiceCalls(port);
    String bob = signIn(calls, "demo-bob");

    browser.find(By.id("change-button")).click();
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
        .isEqualTo("phone-input");
    browser.find(By.id("phone-input")).sendKeys("+1 202 555 0164");
    browser.find(By.id("verify-button")).click();
    browser.visible(By.id("code-input"));

    browser.untilText(By.id("pending"), "A code was sent to +1");
    assertThat(browser.find(By.id("pending")).getText()).endsWith("64.");
    assertThat(browser.find(BADGE).getText()).isEqualTo("Verified");
    assertThat(browser.find(MASKED).getText()).endsWith("23");
    var pending = calls.preferences(bob);
    assertThat(pending.get("pending_phone_number").asString()).isEqualTo("+12025550164");
    assertThat(pending.get("phone_number").asString()).isEqualTo("+14155550123");
    assertThat(pending.get("phone_verified").asBoolean()).isTrue();

    browser.find(By.id("code-input")).sendKeys(DemoOutbox.code(browser, port, "+12025550164"));
    browser.find(By.id("code-submit")).click();

    browser.until(d -> d.findElement(MASKED).getText().endsWith("64"));
    assertThat(browser.find(BADGE).getText()).isEqualTo("Verified");
    assertThat(browser.find(By.id("pending")).getText()).isEmpty();
    var changed = calls.preferences(bob);
    assertThat(changed.get("phone_number").asString()).isEqualTo("+12025550164");
    assertThat(changed.get("pending_phone_number").isNull()).isTrue();
  }

  private String signIn(ServiceCalls calls, String user) {
    String token = calls.token(user);
    browser.open("http://localhost:" + port + "/settings?token=" + token);
    browser.until(d -> d.findElement(BADGE).getText().equals("Verified"));
    browser.until(d -> d.findElements(SWITCHES).stream().anyMatch(WebElement::isEnabled));
    return token;
  }
}
