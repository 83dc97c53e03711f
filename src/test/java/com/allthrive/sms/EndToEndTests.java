package com.allthrive.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Whole flows across modules, with WireMock playing Twilio through the real SDK. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class EndToEndTests {

  static final String PUBLIC_BASE_URL = "https://sms.example.com";
  static final String NUMBER = "+12015550177";

  static final FakeTwilio twilio = FakeTwilio.shared();

  static void twilio(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> PUBLIC_BASE_URL);
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @BeforeEach
  void reset() {
    Tables.clear(jdbc);
    twilio.reset();
  }

  @Test
  void deliversABattleInvitationThroughTwilioOnce() {
    var answer =
        event(
            "battle.invitation",
            "{\"invitation_id\":\"e2e-1\",\"inviter_id\":\"ada\",\"inviter_name\":\"Ada\","
                + "\"to_phone\":\""
                + NUMBER
                + "\",\"battle_topic\":\"Haiku about rain\","
                + "\"invitation_link\":\"https://allthrive.ai/battles/invite/e2e\"}");

    assertThat(answer).hasStatus(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(status()));
    assertThat(twilio.sendsTo(NUMBER))
        .singleElement()
        .satisfies(
            form -> {
              assertThat(form.get("Body"))
                  .startsWith("Ada has challenged you to a battle on AllThrive!");
              assertThat(form.get("From")).isEqualTo(FakeTwilio.FROM);
              assertThat(form.get("StatusCallback"))
                  .startsWith(PUBLIC_BASE_URL + "/webhooks/twilio/status");
            });
  }

  @Test
  void stopTextedToTheWebhookSilencesEveryAccountOnTheNumber() throws Exception {
    verifiedUser("ada");

    var reply =
        inbound(
            Map.of(
                "From",
                NUMBER,
                "To",
                FakeTwilio.FROM,
                "Body",
                "Stop. Thank you",
                "MessageSid",
                "SM" + "1".repeat(32),
                "AccountSid",
                FakeTwilio.ACCOUNT_SID));
    var alert = event("security.password_changed", "{\"user_id\":\"ada\"}");

    assertThat(reply).hasStatusOk();
    assertThat(reply.getResponse().getContentAsString())
        .contains("<Message>You have been unsubscribed");
    assertThat(alert).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("opted_out");
    assertThat(twilio.sendsTo(NUMBER)).isEmpty();
  }

  @Test
  void aNumberTwilioReportsAsOptedOutGetsNothingMore() {
    verifiedUser("ada");
    twilio.reject(NUMBER, 400, 21610, "Attempt to send to unsubscribed recipient");

    event("security.password_changed", "{\"user_id\":\"ada\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(status()));
    var next = event("security.email_changed", "{\"user_id\":\"ada\"}");

    assertThat(next).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("opted_out");
    assertThat(twilio.sendsTo(NUMBER)).hasSize(1);
  }

  @Test
  void refusesAnUnsignedInboundText() {
    var request =
        mvc.post()
            .uri("/webhooks/twilio/inbound")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("From", NUMBER)
            .param("Body", "STOP");

    assertThat(request.exchange()).hasStatus(403);
    assertThat(jdbc.sql("select count(*) from opt_out").query(Integer.class).single()).isZero();
  }

  @Test
  void erasureKeepsTheUsersMessagesWithoutTheirNumberOrText() {
    verifiedUser("ada");
    event("security.email_changed", "{\"user_id\":\"ada\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(status()));

    var erased =
        mvc.delete()
            .uri("/api/v1/platform/users/ada")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(erased).hasStatus(204);
    var row = jdbc.sql("select to_phone, body from sms_message").query().singleRow();
    assertThat(row.get("to_phone")).isEqualTo("+1********77");
    assertThat(row.get("body")).isNull();
  }

  void verifiedUser(String id) {
    platform().verifiedUser(id, NUMBER);
  }

  MvcTestResult event(String type, String data) {
    return platform().event(type, data);
  }

  PlatformCalls platform() {
    return new PlatformCalls(mvc, accounts);
  }

  String status() {
    return jdbc.sql("select status from sms_message").query(String.class).optional().orElse(null);
  }

  MvcTestResult inbound(Map<String, String> params) {
    var ordered = new LinkedHashMap<>(params);
    String path = "/webhooks/twilio/inbound";
    var request =
        mvc.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header(
                "X-Twilio-Signature",
                FakeTwilio.sign(PUBLIC_BASE_URL + path, ordered, FakeTwilio.AUTH_TOKEN));
    ordered.forEach(request::param);
    return request.exchange();
  }
}
