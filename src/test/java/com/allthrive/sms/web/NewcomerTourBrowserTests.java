package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * A newcomer starts at the demo console, verifies a fresh number with the code the outbox shows,
 * texts STOP and sees the next text skipped, then texts START and gets texts again.
 */
class NewcomerTourBrowserTests extends DemoBrowserTests {

  static final String FRESH = "+12025550166";

  @Test
  void verifiesAFreshNumberThenStopsAndStartsTextsFromTheDemoConsole() {
    browser.open("http://localhost:" + port + "/demo");
    browser.find(By.linkText("Settings")).click();
    new Select(browser.visible(By.id("demo-user"))).selectByValue("demo-alice");
    browser.find(By.cssSelector("#demo-login button")).click();
    browser.visible(By.id("phone-input")).sendKeys(FRESH);
    browser.find(By.id("verify-button")).click();
    browser.visible(By.id("code-input")).sendKeys(codeFromDemoConsole());
    browser.find(By.id("code-submit")).click();
    browser.untilText(By.id("phone-masked"), "66");
    assertThat(browser.find(By.id("phone-badge")).getText()).isEqualTo("Verified");

    browser.driver().get("http://localhost:" + port + "/demo");
    browser.untilText(By.id("outbox-live"), "live");
    textFromPhone("STOP");
    browser.untilText(By.id("inbound-reply"), "unsubscribed");
    sendAchievement("Silent Star");
    browser.untilText(By.id("decisions"), "opted_out");
    assertThat(browser.find(By.id("outbox")).getText()).doesNotContain("Silent Star");

    textFromPhone("START");
    browser.untilText(By.id("inbound-reply"), "resubscribed");
    sendAchievement("Comeback Kid");
    browser.untilText(By.id("outbox"), "Comeback Kid");
    assertThat(browser.find(By.cssSelector("#outbox li[data-to='" + FRESH + "']")).getText())
        .contains("Comeback Kid");
  }

  private void textFromPhone(String keyword) {
    browser.find(By.id("inbound-from")).clear();
    browser.find(By.id("inbound-from")).sendKeys(FRESH);
    browser.find(By.cssSelector("#inbound-form button[value=" + keyword + "]")).click();
  }

  private void sendAchievement(String name) {
    new Select(browser.find(By.id("achievement-user"))).selectByValue("demo-alice");
    browser.find(By.id("achievement-name")).clear();
    browser.find(By.id("achievement-name")).sendKeys(name);
    browser.find(By.cssSelector("form[data-kind=achievement] button[type=submit]")).click();
  }

  private String codeFromDemoConsole() {
    String settings = browser.driver().getWindowHandle();
    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.driver().get("http://localhost:" + port + "/demo");
    browser.untilText(By.id("outbox"), "verification code");
    String text =
        browser.find(By.cssSelector("#outbox li[data-to='" + FRESH + "'] .bubble")).getText();
    browser.driver().close();
    browser.driver().switchTo().window(settings);
    Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(digits.find()).as("a code in " + text).isTrue();
    return digits.group(1);
  }
}
