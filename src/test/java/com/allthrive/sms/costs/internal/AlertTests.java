package com.allthrive.sms.costs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.delivery.MessageType;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Cost and delivery alerts: stored, listed, fired once, POSTed to a webhook that may be dead. */
abstract class AlertTests extends CostsTestSupport {

  static final WireMockServer hook = new WireMockServer(options().dynamicPort());
  static final Duration WAIT = Duration.ofSeconds(20);

  static {
    hook.start();
  }

  @Autowired AlertChecks checks;

  static void settings(DynamicPropertyRegistry registry) {
    registry.add("sms.costs.alerts.daily-spend", () -> "0.0166");
    registry.add("sms.costs.alerts.user-daily-spend", () -> "0.0166");
    registry.add("sms.costs.alerts.failure-rate", () -> "0.5");
    registry.add("sms.costs.alerts.failure-min-messages", () -> "2");
    registry.add("sms.costs.alerts.error-burst", () -> "2");
    registry.add("sms.costs.alerts.check-interval", () -> "1h");
    registry.add("sms.costs.alerts.webhook-url", () -> hook.baseUrl() + "/hook");
    registry.add("sms.costs.alerts.webhook-timeout", () -> "2s");
    registry.add("sms.costs.alerts.webhook-attempts", () -> "3");
    registry.add("sms.costs.alerts.webhook-retry-delay", () -> "100ms");
  }

  @BeforeEach
  void resetWebhook() {
    hook.resetAll();
  }

  @Test
  void eachAlertFiresOnceOnConcurrentChecksAndIsPostedToTheWebhook() throws Exception {
    hook.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
    long first = queued("ada", MessageType.DIRECT_MESSAGE);
    long second = queued("ada", MessageType.DIRECT_MESSAGE);
    report(first, "undelivered", null, "30007");
    report(second, "undelivered", null, "30007");
    report(queued("bob", MessageType.DIRECT_MESSAGE), "delivered", "0.0079", null);

    int fired = runConcurrently(4);
    await().atMost(WAIT).until(() -> notified("sent") == 4);
    int again = checks.run();
    var listed = admin("/api/v1/admin/alerts");

    assertThat(fired).isEqualTo(4);
    assertThat(again).isZero();
    assertThat(listed).bodyJson().extractingPath("$.total").isEqualTo(4);
    assertThat(listed)
        .bodyJson()
        .extractingPath("$.items[*].kind")
        .asList()
        .containsExactlyInAnyOrder(
            "daily_spend", "user_daily_spend", "failure_rate", "error_burst");
    // a slow answer may be retried, but each alert is one id
    assertThat(
            hook.findAll(postRequestedFor(urlPathEqualTo("/hook"))).stream()
                .map(r -> SpendCapTests.JSON.readTree(r.getBodyAsString()).get("id").asLong())
                .distinct())
        .hasSize(4);
    hook.verify(
        1,
        postRequestedFor(urlPathEqualTo("/hook"))
            .withRequestBody(
                matchingJsonPath(
                    "$.kind",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("error_burst")))
            .withRequestBody(
                matchingJsonPath(
                    "$.subject", com.github.tomakehurst.wiremock.client.WireMock.equalTo("30007")))
            .withRequestBody(matchingJsonPath("$.text")));
  }

  @Test
  void aDeadWebhookNeverHoldsASend() {
    hook.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
    platform().verifiedUser("cy", usNumber().e164());
    queued("cy", MessageType.DIRECT_MESSAGE);
    queued("cy", MessageType.DIRECT_MESSAGE);

    int fired = checks.run();
    var alert = platform().event("security.password_changed", "{\"user_id\":\"cy\"}");
    long sent = decidedMessage(alert);
    await().atMost(WAIT).until(() -> "sent".equals(status(sent)));
    await().atMost(WAIT).until(() -> notified("failed") == 2);

    assertThat(fired).isEqualTo(2);
    assertThat(hook.findAll(postRequestedFor(urlPathEqualTo("/hook")))).hasSize(6);
    assertThat(notified("sent")).isZero();
  }

  int runConcurrently(int instances) throws Exception {
    var pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        runs.add(pool.submit(checks::run));
      }
      int fired = 0;
      for (Future<Integer> run : runs) {
        fired += run.get();
      }
      return fired;
    } finally {
      pool.shutdown();
    }
  }

  long notified(String state) {
    return jdbc.sql("select count(*) from cost_alert where notified = :state")
        .param("state", state)
        .query(Long.class)
        .single();
  }

  String status(long id) {
    return jdbc.sql("select status from sms_message where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  static long decidedMessage(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
    try {
      return SpendCapTests.JSON
          .readTree(result.getResponse().getContentAsString())
          .at("/decisions/0/message_id")
          .asLong();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
