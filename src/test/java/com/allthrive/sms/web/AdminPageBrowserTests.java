package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.JwtFixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator finds what was sent, what waits, and why someone got nothing. */
class AdminPageBrowserTests extends DemoBrowserTests {

  @Autowired JdbcClient jdbc;

  void signIn() {
    browser.open("http://localhost:" + port + "/admin");
    browser.visible(By.id("use-demo-key")).click();
    browser.visible(By.id("log-rows"));
  }

  @Test
  void theLogLoadsFiltersByStatusAndOpensADetailView() {
    var calls = new ServiceCalls(port);
    calls.patchPreferences(calls.token("demo-alice"), quietHoursAroundNow("America/New_York"));
    calls.achievement("demo-alice", "Night Owl");
    calls.achievement("demo-chloe", "Early Bird");
    signIn();
    browser.untilText(By.id("log-rows"), "achievement_unlock");

    new Select(browser.find(By.id("f-status"))).selectByValue("pending");
    browser.find(By.cssSelector("#log-filters button[type=submit]")).click();
    browser.untilText(By.id("log-page"), "(1 messages)");
    WebElement row = browser.find(By.cssSelector("#log-rows tr"));
    assertThat(row.getText())
        .contains("pending")
        .contains("demo-alice")
        .doesNotContain("demo-chloe");
    row.findElement(By.tagName("button")).click();

    browser.visible(By.id("message-details"));
    String details = browser.find(By.id("message-details")).getText();
    assertThat(details).contains("Night Owl").contains("Estimated cost").contains("Encoding");
    assertThat(details).contains("+1********43").doesNotContain("+12025550143");
    browser.find(By.cssSelector("#message-dialog button[type=submit]")).click();
    browser.screenshots("admin");
    browser.assertAccessible();
  }

  @Test
  void theDecisionsViewFindsASkippedMessageByUser() {
    var calls = new ServiceCalls(port);
    calls.patchPreferences(calls.token("demo-bob"), "{\"allow_sms_achievement_unlocks\":false}");
    calls.achievement("demo-bob", "Quiet Achiever");
    calls.achievement("demo-chloe", "Loud Achiever");
    signIn();

    browser.find(By.id("d-user")).sendKeys("demo-bob");
    browser.find(By.cssSelector("#decision-filters button[type=submit]")).click();

    browser.untilText(By.id("decision-rows"), "category_off");
    String rows = browser.find(By.id("decision-rows")).getText();
    assertThat(rows).contains("skipped").doesNotContain("demo-chloe");
    assertThat(browser.find(By.id("decision-counts")).getText()).contains("skipped: category_off");
  }

  @Test
  void theDecisionCountsShowEachDayOfTheWeek() {
    var calls = new ServiceCalls(port);
    calls.patchPreferences(calls.token("demo-bob"), "{\"allow_sms_achievement_unlocks\":false}");
    calls.achievement("demo-bob", "Quiet Today");
    jdbc.sql(
            "insert into notification_decision (event_id, user_id, to_phone, message_type,"
                + " outcome, reason, created_at) values ('yesterday', 'demo-chloe', '+1********42',"
                + " 'achievement_unlock', 'skipped', 'rate_limited', :at)")
        .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
        .update();
    signIn();

    browser.untilText(By.id("decision-days"), "skipped: rate_limited");
    List<String> head =
        browser.driver().findElements(By.cssSelector("#decision-days-head th")).stream()
            .map(WebElement::getText)
            .toList();
    String today = LocalDate.now(ZoneOffset.UTC).toString().substring(5);
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString().substring(5);
    assertThat(head).hasSize(8).endsWith(yesterday, today);
    assertThat(dayRow("skipped: rate_limited")).endsWith("1", "0");
    List<String> categoryOff = dayRow("skipped: category_off");
    assertThat(categoryOff.get(6)).isEqualTo("0");
    assertThat(Integer.parseInt(categoryOff.get(7))).isPositive();
  }

  private List<String> dayRow(String name) {
    return browser.driver().findElements(By.cssSelector("#decision-days tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .filter(cells -> cells.get(0).equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anOperatorSignsInWithAnAdminTokenAndAUsersTokenIsRefused() {
    browser.open(url("/admin"));
    browser.driver().manage().deleteAllCookies();
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("sessionStorage.clear()");
    browser.driver().navigate().refresh();

    browser.visible(By.id("admin-credential")).sendKeys(JwtFixtures.token("demo-bob"));
    browser.find(By.cssSelector("#key-login button[type=submit]")).click();
    browser.untilText(By.id("admin-login-error"), "not an admin credential");
    assertThat(browser.find(By.id("admin-app")).isDisplayed()).isFalse();

    browser.find(By.id("admin-credential")).clear();
    browser.find(By.id("admin-credential")).sendKeys(JwtFixtures.adminToken("ops-1"));
    browser.find(By.cssSelector("#key-login button[type=submit]")).click();
    browser.visible(By.id("log-rows"));
    assertThat(browser.find(By.id("admin-app")).isDisplayed()).isTrue();
    browser.find(By.id("admin-sign-out")).click();
    browser.visible(By.id("admin-credential"));
  }

  private static String quietHoursAroundNow(String zone) {
    var now = ZonedDateTime.now(ZoneId.of(zone));
    var format = DateTimeFormatter.ofPattern("HH:mm");
    return "{\"quiet_hours\":{\"start\":\""
        + now.minusHours(1).format(format)
        + "\",\"end\":\""
        + now.plusHours(2).format(format)
        + "\"}}";
  }
}
