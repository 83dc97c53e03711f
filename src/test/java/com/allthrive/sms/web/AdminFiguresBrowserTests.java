package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.support.FakeTwilio;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures, with Twilio played by WireMock: one day with a failed and a delivered
 * security alert (both priced by Twilio) and two achievements skipped because the category is off.
 */
@TestPropertySource(
    properties = {"sms.costs.alerts.user-daily-spend=0.01", "sms.costs.alerts.check-interval=1s"})
class AdminFiguresBrowserTests extends DemoBrowserTests {

  static final String PUBLIC_BASE_URL = "https://sms.example.test";
  static final FakeTwilio twilio = FakeTwilio.shared();
  static final By DAY_ROWS = By.cssSelector("#costs-daily .bar");

  static boolean dayPlayed;

  @DynamicPropertySource
  static void twilio(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> PUBLIC_BASE_URL);
  }

  @BeforeAll
  static void resetTwilio() {
    twilio.reset();
  }

  /** The day every test reads; played once, the tests only look at it. */
  @BeforeEach
  void playTheDay() {
    if (dayPlayed) {
      return;
    }
    var calls = new ServiceCalls(port);
    calls.patchPreferences(calls.token("demo-chloe"), "{\"allow_sms_achievement_unlocks\":false}");
    calls.achievement("demo-chloe", "Muted Owl");
    calls.achievement("demo-chloe", "Muted Lark");
    calls.securityAlert("demo-alice", "security.new_login");
    calls.securityAlert("demo-bob", "security.password_changed");
    report(
        calls, "demo-alice", Map.of("MessageStatus", "failed", "ErrorCode", "30003"), "-0.00790");
    report(calls, "demo-bob", Map.of("MessageStatus", "delivered"), "-0.01660");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> calls.admin("/api/v1/admin/alerts").get("total").asLong() > 0);
    dayPlayed = true;
  }

  /** Waits until Twilio took the user's message, then reports its status and price. */
  private static void report(
      ServiceCalls calls, String user, Map<String, String> status, String price) {
    JsonNode message =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> calls.admin("/api/v1/admin/sms-messages?user_id=" + user).get("items").get(0),
                m -> m != null && "sent".equals(m.get("status").asString()));
    var params = new java.util.HashMap<>(status);
    params.put("Price", price);
    params.put("PriceUnit", "USD");
    calls.statusCallback(
        PUBLIC_BASE_URL,
        message.get("id").asLong(),
        message.get("provider_message_id").asString(),
        params);
  }

  void signIn() {
    browser.open("http://localhost:" + port + "/admin");
    browser.visible(By.id("use-demo-key")).click();
    browser.visible(By.id("log-rows"));
  }

  static List<String> labels(By by) {
    return browser.driver().findElements(by).stream()
        .map(e -> e.getAttribute("aria-label"))
        .toList();
  }

  @Test
  void decisionCountsShowEachOutcomeAndReasonWithItsCount() {
    signIn();

    browser.untilText(By.id("decision-counts"), "category_off");
    assertThat(labels(By.cssSelector("#decision-counts .bar")))
        .containsExactlyInAnyOrder(
            "skipped: category_off: 2 decisions", "queued: eligible: 2 decisions");
  }

  @Test
  void deliveryShowsTheRateAndTheFailuresByErrorCodeForTodayAndTheWeek() {
    signIn();

    browser.untilText(By.id("delivery"), "Last 7 days");
    List<WebElement> periods = browser.driver().findElements(By.cssSelector("#delivery .stats"));
    assertThat(periods).hasSize(2);
    for (WebElement period : periods) {
      assertThat(period.findElements(By.className("stat")))
          .extracting(e -> e.getAttribute("textContent"))
          .containsExactly("2Messages", "1Delivered", "1Failed", "50 %Delivery rate");
    }
    assertThat(browser.find(By.id("delivery")).getText()).startsWith("Today");
    assertThat(labels(By.cssSelector("#delivery .bar")))
        .containsExactly("error 30003: 1 failures", "error 30003: 1 failures");
  }

  @Test
  void costsShowTheDayByTypeTheTopSpenderFirstAndTheOpenAlert() {
    signIn();

    browser.until(d -> !d.findElements(DAY_ROWS).isEmpty());
    assertThat(labels(DAY_ROWS))
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).matches("\\S+ security_alert estimated: 0.0166 USD"))
        .anySatisfy(l -> assertThat(l).matches("\\S+ security_alert actual: 0.0245 USD"));
    browser.untilText(By.id("cost-users"), "demo-alice");
    assertThat(browser.driver().findElements(By.cssSelector("#cost-users tr")))
        .extracting(WebElement::getText)
        .containsExactly("demo-bob 1 0.0166", "demo-alice 1 0.0079");
    browser.untilText(By.id("alerts"), "user_daily_spend");
    assertThat(browser.find(By.id("alerts")).getText())
        .contains("SMS spend of user demo-bob")
        .doesNotContain("user demo-alice");
    browser.screenshots("admin-figures");
    browser.assertAccessible();
  }

  @Test
  void theDetailViewShowsTheFailureItsMeaningTheEncodingAndBothCosts() {
    signIn();
    browser.find(By.id("f-user")).sendKeys("demo-alice");
    browser.find(By.cssSelector("#log-filters button[type=submit]")).click();
    browser.untilText(By.id("log-page"), "(1 messages)");
    browser.find(By.cssSelector("#log-rows button")).click();

    browser.visible(By.id("message-details"));
    var details = new java.util.LinkedHashMap<String, String>();
    List<WebElement> terms = browser.driver().findElements(By.cssSelector("#message-details dt"));
    List<WebElement> values = browser.driver().findElements(By.cssSelector("#message-details dd"));
    for (int i = 0; i < terms.size(); i++) {
      details.put(terms.get(i).getText(), values.get(i).getText());
    }
    assertThat(details)
        .containsEntry("Type", "security_alert")
        .containsEntry("Status", "failed")
        .containsEntry("Delivered", "—")
        .containsEntry("Error code", "30003")
        .containsEntry("Error meaning", "Unreachable: the phone is off or out of coverage.")
        .containsEntry("Segments", "1")
        .containsEntry("Encoding", "GSM-7")
        .containsEntry("Estimated cost", "0.0083 USD")
        .containsEntry("Actual cost", "0.0079 USD");
    assertThat(details.get("Created")).isNotBlank().isNotEqualTo("—");
    assertThat(details.get("Sent")).isNotBlank().isNotEqualTo("—");
    assertThat(details.get("Provider")).startsWith("twilio SM");
  }
}
