package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** On the demo console a user goes online and offline, and a phone texts HELP. */
class DemoPresenceBrowserTests extends DemoBrowserTests {

  static final By ALICE_PRESENCE = By.cssSelector("button.presence[data-user=demo-alice]");
  static final By ALICE_STATE = By.id("presence-demo-alice");

  void openConsole() {
    browser.open("http://localhost:" + port + "/demo");
    browser.untilText(By.id("outbox-live"), "live");
  }

  void directMessage(String from, String to, String text) {
    new Select(browser.find(By.id("dm-sender"))).selectByValue(from);
    new Select(browser.find(By.id("dm-recipient"))).selectByValue(to);
    browser.find(By.id("dm-text")).clear();
    browser.find(By.id("dm-text")).sendKeys(text);
    browser.find(By.cssSelector("form[data-kind=dm] button[type=submit]")).click();
  }

  @Test
  void aDirectMessageToAnOnlineUserIsSkippedAndGoesOutOnceTheyAreOffline() {
    openConsole();

    browser.find(ALICE_PRESENCE).click();
    browser.untilText(ALICE_STATE, "Online");
    assertThat(browser.find(ALICE_PRESENCE).getText()).isEqualTo("Go offline");
    directMessage("demo-bob", "demo-alice", "Saw you are online");

    browser.untilText(By.id("decisions"), "recipient_online");
    assertThat(browser.find(By.cssSelector("#decisions tr")).getText())
        .isEqualTo("dm Alice Rivera skipped recipient_online —");

    browser.find(ALICE_PRESENCE).click();
    browser.untilText(ALICE_STATE, "Offline");
    assertThat(browser.find(ALICE_PRESENCE).getText()).isEqualTo("Go online");
    directMessage("demo-chloe", "demo-alice", "Texting you instead");

    browser.untilText(By.id("outbox"), "Texting you instead");
    assertThat(browser.find(By.cssSelector("#decisions tr")).getText())
        .startsWith("dm Alice Rivera queued");
    assertThat(browser.find(By.cssSelector("#outbox li")).getText())
        .contains("To Alice Rivera, +12025550143 · direct_message");
    assertThat(browser.find(By.id("outbox")).getText()).doesNotContain("Saw you are online");
    browser.screenshots("demo-presence");
    browser.assertAccessible();
  }

  @Test
  void helpFromAPhoneIsAnsweredAndTheAnswerShowsInTheOutbox() {
    openConsole();

    browser.find(By.id("inbound-from")).clear();
    browser.find(By.id("inbound-from")).sendKeys("+14155550123");
    browser.find(By.cssSelector("#inbound-form button[value=HELP]")).click();

    browser.untilText(By.id("inbound-reply"), "HELP from +14155550123");
    browser.untilText(By.id("outbox"), "alerts about your community activity");
    assertThat(browser.find(By.cssSelector("#outbox li")).getText())
        .startsWith("To Bob Chen, +14155550123 · keyword reply")
        .contains(
            "AllThrive: alerts about your community activity and account security. Msg"
                + " frequency varies. Msg & data rates may apply. Reply STOP to unsubscribe.");
  }
}
