package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Each of the demo console's event forms reaches the phones: a battle result, a security alert, a
 * battle invitation to a raw number and a challenge whose one-hour reminder is due at once.
 */
class DemoFormsBrowserTests extends DemoBrowserTests {

  @BeforeEach
  void openConsole() {
    browser.open("http://localhost:" + port + "/demo");
    browser.untilText(By.id("outbox-live"), "live");
  }

  void select(String id, String value) {
    new Select(browser.find(By.id(id))).selectByValue(value);
  }

  void type(String id, String text) {
    browser.find(By.id(id)).clear();
    browser.find(By.id(id)).sendKeys(text);
  }

  void submit(String kind) {
    browser.find(By.cssSelector("form[data-kind=" + kind + "] button[type=submit]")).click();
  }

  @Test
  void aBattleResultTextsTheWinnerAndTheLoser() {
    select("battle-a", "demo-alice");
    select("battle-b", "demo-bob");
    select("battle-winner", "a");
    type("battle-topic", "Moonlit limericks");
    submit("battle");

    browser.untilText(By.id("outbox"), "You WON your battle against");
    browser.untilText(By.id("outbox"), "You lost your battle against");
    String outbox = browser.find(By.id("outbox")).getText();
    assertThat(outbox).contains("Moonlit limericks").contains("To Alice Rivera").contains("To Bob");
    browser.untilText(By.id("decisions"), "battle");
  }

  @Test
  void aSecurityAlertReachesTheUser() {
    select("security-user", "demo-chloe");
    select("security-type", "security.password_changed");
    submit("security");

    browser.untilText(By.id("outbox"), "Security Alert: Your AllThrive password was changed.");
    assertThat(browser.find(By.id("outbox")).getText()).contains("To Chloé Tremblay");
  }

  @Test
  void anInvitationGoesToTheNumberTyped() {
    select("invitation-inviter", "demo-bob");
    type("invitation-phone", "+12025550188");
    type("invitation-topic", "Pixel art duel");
    submit("invitation");

    browser.untilText(By.id("outbox"), "has challenged you to a battle on AllThrive!");
    String outbox = browser.find(By.id("outbox")).getText();
    assertThat(outbox).contains("Pixel art duel").contains("+12025550188");
  }

  @Test
  void aChallengeAnHourAwaySendsItsOneHourReminder() {
    select("challenge-user", "demo-alice");
    type("challenge-title-input", "Sketch a robot");
    type("challenge-minutes", "60");
    submit("challenge");

    browser.untilText(By.id("decisions"), "scheduled");
    browser.untilText(By.id("outbox"), "Reminder: 1 hour left to complete \"Sketch a robot\"");
    assertThat(browser.find(By.id("outbox")).getText()).doesNotContain("24 hours left");
  }
}
