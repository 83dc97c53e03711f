package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.Browser;
import com.allthrive.sms.support.RequiresChromium;
import com.allthrive.sms.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo console acts as the platform and shows what each phone received, live. */
@RequiresChromium
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sms.demo=true")
@ActiveProfiles("test")
class DemoPageBrowserTests {

  static Browser browser;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

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
