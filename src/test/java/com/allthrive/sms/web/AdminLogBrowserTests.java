package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator narrows the SMS log down by type, user, number and day, and pages through it. */
class AdminLogBrowserTests extends DemoBrowserTests {

  static final By ROWS = By.cssSelector("#log-rows tr");
  static final By PAGE = By.id("log-page");

  @Autowired Accounts accounts;

  void signIn() {
    browser.open("http://localhost:" + port + "/admin");
    browser.visible(By.id("use-demo-key")).click();
    browser.visible(By.id("log-rows"));
  }

  void apply() {
    browser.find(By.cssSelector("#log-filters button[type=submit]")).click();
  }

  void type(String id, String text) {
    browser.find(By.id(id)).clear();
    browser.find(By.id(id)).sendKeys(text);
  }

  /** Sets a date field as the date picker does ({@code yyyy-mm-dd}, or empty). */
  void day(String id, Object day) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1]", browser.find(By.id(id)), String.valueOf(day));
  }

  static List<String> rows() {
    return browser.driver().findElements(ROWS).stream().map(WebElement::getText).toList();
  }

  @Test
  void filtersByTypeUserFullNumberAndDay() {
    var calls = new ServiceCalls(port);
    calls.achievement("demo-alice", "Log Owl");
    calls.achievement("demo-chloe", "Log Lark");
    calls.securityAlert("demo-bob", "security.new_login");
    signIn();
    browser.untilText(By.id("log-rows"), "security_alert");

    new Select(browser.find(By.id("f-type"))).selectByValue("achievement_unlock");
    apply();
    browser.untilText(PAGE, "(2 messages)");
    assertThat(rows())
        .allMatch(r -> r.contains("achievement_unlock"))
        .noneMatch(r -> r.contains("demo-bob"));

    new Select(browser.find(By.id("f-type"))).selectByValue("");
    type("f-user", "demo-chloe");
    apply();
    browser.untilText(PAGE, "(1 messages)");
    assertThat(rows()).singleElement().asString().contains("demo-chloe").contains("+1********42");

    browser.find(By.id("f-user")).clear();
    type("f-number", "+12025550143");
    apply();
    browser.untilText(PAGE, "(1 messages)");
    assertThat(rows())
        .singleElement()
        .asString()
        .contains("demo-alice")
        .contains("+1********43")
        .doesNotContain("+12025550143");

    LocalDate today = LocalDate.now();
    day("f-from", today.plusDays(2));
    apply();
    browser.untilText(PAGE, "(0 messages)");
    assertThat(rows()).containsExactly("No messages match.");
    day("f-from", today.minusDays(2));
    day("f-to", today.plusDays(2));
    apply();
    browser.untilText(PAGE, "(1 messages)");
    assertThat(rows()).singleElement().asString().contains("demo-alice");
    day("f-from", "");
    day("f-to", today.minusDays(2));
    apply();
    browser.untilText(PAGE, "(0 messages)");
  }

  @Test
  void pagesThroughMoreMessagesThanOnePageHolds() {
    var calls = new ServiceCalls(port);
    calls.provision("pager", "Pat Pager", "+12025550188");
    accounts.markVerified(
        new UserId("pager"),
        new PhoneNumber("+12025550188"),
        Instant.now(),
        new ConsentEvidence("127.0.0.1", "test", "disclosure"));
    for (int i = 0; i < 22; i++) {
      calls.securityAlert("pager", "security.new_login");
    }
    signIn();
    type("f-user", "pager");
    apply();

    browser.untilText(PAGE, "Page 1 of 2 (22 messages)");
    List<String> first = rows();
    assertThat(first).hasSize(20).allMatch(r -> r.contains("pager"));
    assertThat(browser.find(By.id("log-prev")).isEnabled()).isFalse();
    browser.find(By.id("log-next")).click();
    browser.untilText(PAGE, "Page 2 of 2 (22 messages)");
    List<String> second = rows();
    assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
    assertThat(browser.find(By.id("log-next")).isEnabled()).isFalse();
    browser.find(By.id("log-prev")).click();
    browser.untilText(PAGE, "Page 1 of 2 (22 messages)");
    assertThat(rows()).isEqualTo(first);
  }
}
