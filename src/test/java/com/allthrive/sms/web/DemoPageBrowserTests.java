package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The demo console acts as the platform and shows what each phone received, live. */
class DemoPageBrowserTests extends DemoBrowserTests {

  @Test
  void firesADirectMessageAndAnAchievementAndTheOutboxShowsBoth() {
    browser.open("http://localhost:" + port + "/demo");
    browser.untilText(By.id("outbox-live"), "live");

    new Select(browser.find(By.id("dm-sender"))).selectByValue("demo-bob");
    new Select(browser.find(By.id("dm-recipient"))).selectByValue("demo-alice");
    browser.find(By.id("dm-text")).clear();
    browser.find(By.id("dm-text")).sendKeys("Ready for the rematch?");
    browser.find(By.cssSelector("form[data-kind=dm] button[type=submit]")).click();
    new Select(browser.find(By.id("achievement-user"))).selectByValue("demo-chloe");
    browser.find(By.id("achievement-name")).clear();
    browser.find(By.id("achievement-name")).sendKeys("Seven Day Streak");
    browser.find(By.cssSelector("form[data-kind=achievement] button[type=submit]")).click();

    browser.untilText(By.id("outbox"), "Seven Day Streak");
    browser.untilText(By.id("outbox"), "Ready for the rematch?");
    assertThat(browser.find(By.id("outbox")).getText()).contains("To Alice Rivera, +12025550143");
    assertThat(browser.find(By.id("error-dm")).getText()).isEmpty();
    assertThat(browser.find(By.id("outbox")).getText()).contains("To Chloé Tremblay");
    browser.untilText(By.id("decisions"), "achievement");
    assertThat(browser.find(By.id("decisions")).getText()).contains("queued");
    browser.screenshots("demo");
    browser.assertAccessible();
  }
}
