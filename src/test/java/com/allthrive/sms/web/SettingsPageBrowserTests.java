package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** A user verifies their number and chooses their texts on the settings page. */
class SettingsPageBrowserTests extends DemoBrowserTests {

  static final By BADGE = By.id("phone-badge");
  static final String DM = "button[data-field=allow_sms_dm_notifications]";
  static final String RESULTS = "button[data-field=allow_sms_battle_results]";
  static final String ACHIEVEMENTS = "button[data-field=allow_sms_achievement_unlocks]";

  @Test
  void verifiesANumberWithTheCodeFromTheOutboxAndKeepsASwitchAfterReload() {
    var calls = new ServiceCalls(port);
    calls.provision("dana", "Dana Newcomer");
    browser.open(url("/settings?token=" + calls.token("dana")));
    browser.untilText(BADGE, "Unverified");
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("token");
    assertThat(browser.find(By.cssSelector(DM)).isEnabled()).isFalse();

    browser.find(By.id("phone-input")).sendKeys("+1 202 555 0177");
    browser.find(By.id("verify-button")).click();
    browser.visible(By.id("code-input"));
    String code = DemoOutbox.code(browser, port, "+12025550177");
    browser.find(By.id("code-input")).sendKeys(code);
    browser.find(By.id("code-submit")).click();

    browser.until(d -> d.findElement(BADGE).getText().equals("Verified"));
    browser.until(d -> d.findElement(By.cssSelector(RESULTS)).isEnabled());
    browser.find(By.cssSelector(RESULTS)).click();
    browser.until(
        d -> !calls.preferences(calls.token("dana")).get("allow_sms_battle_results").asBoolean());
    browser.driver().navigate().refresh();
    browser.until(
        d -> "true".equals(d.findElement(By.cssSelector(DM)).getDomAttribute("aria-checked")));
    assertThat(browser.find(By.cssSelector(RESULTS)).getDomAttribute("aria-checked"))
        .isEqualTo("false");
    browser.screenshots("settings");
    browser.assertAccessible();
  }

  @Test
  void aFailedSaveRevertsOnlyItsSwitchAndSaysWhy() {
    var calls = new ServiceCalls(port);
    calls.provision("erin", "Erin");
    browser.open(url("/settings"));
    new Select(browser.find(By.id("demo-user"))).selectByValue("demo-bob");
    browser.find(By.cssSelector("#demo-login button")).click();
    browser.until(d -> d.findElement(By.cssSelector(DM)).isEnabled());
    String bob = calls.token("demo-bob");

    browser.find(By.cssSelector(DM)).click();
    browser.until(d -> !calls.preferences(bob).get("allow_sms_dm_notifications").asBoolean());
    calls.erase("demo-bob");
    browser.find(By.cssSelector(ACHIEVEMENTS)).click();

    browser.untilText(By.id("error-allow_sms_achievement_unlocks"), "Not saved");
    assertThat(browser.find(By.cssSelector(ACHIEVEMENTS)).getDomAttribute("aria-checked"))
        .isEqualTo("true");
    assertThat(browser.find(By.cssSelector(DM)).getDomAttribute("aria-checked")).isEqualTo("false");
    assertThat(browser.find(By.id("error-allow_sms_dm_notifications")).getText()).isEmpty();
  }

  @Test
  void showsTheQuotaTheUsersTextsTheConsentHistoryAndHowToResumeAfterStop() {
    var calls = new ServiceCalls(port);
    calls.achievement("demo-chloe", "Seventh Streak");
    browser.open(url("/settings"));
    new Select(browser.find(By.id("demo-user"))).selectByValue("demo-chloe");
    browser.find(By.cssSelector("#demo-login button")).click();
    browser.untilText(By.id("recent-rows"), "Seventh Streak");

    var view = calls.preferences(calls.token("demo-chloe"));
    assertThat(browser.find(By.id("remaining-hour")).getText())
        .isEqualTo(view.get("remaining_this_hour").asString());
    assertThat(browser.find(By.id("app")).getText())
        .contains("Security alerts are always sent to verified phone numbers.");
    assertThat(browser.find(By.id("consent-rows")).getText()).isNotBlank();
    assertThat(browser.find(By.id("stop-notice")).isDisplayed()).isFalse();

    calls.inbound("+16135550142", "STOP");
    browser.driver().navigate().refresh();
    browser.until(d -> d.findElement(By.id("stop-notice")).isDisplayed());
    assertThat(browser.find(By.id("stop-notice")).getText()).contains("START");
  }

  @Test
  void signsInWithTheTokenThePlatformHandsOverAndShowsThePlansSwitches() {
    var chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of(
            "headers",
            Map.of("Authorization", "Bearer " + new ServiceCalls(port).token("demo-alice"))));
    try {
      browser.open(url("/settings"));
      browser.untilText(By.id("who"), "demo-alice");
    } finally {
      chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }
    browser.until(d -> d.findElement(By.cssSelector(DM)).isEnabled());

    List<String> switches =
        browser.driver().findElements(By.cssSelector("ul.switches li")).stream()
            .map(li -> li.findElement(By.className("label")).getText())
            .toList();
    assertThat(switches)
        .containsExactlyInAnyOrder(
            "Direct Messages",
            "Battle Results",
            "Achievements",
            "Challenge Reminders",
            "Battle Invitations");
    assertThat(browser.find(By.id("desc-allow_sms_dm_notifications")).getText())
        .isEqualTo("Get notified when you receive a new message");
    assertThat(browser.find(By.id("desc-allow_sms_challenge_reminders")).getText())
        .isEqualTo("Get reminded before challenge deadlines");
  }
}
