package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code battle.invitation} through {@code POST /api/v1/events}, on either database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class BattleInvitationTests {

  static final String NUMBER = "+12015550123";

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyDatabase() {
    Tables.clear(jdbc);
  }

  @Test
  void queuesThePlansInvitationTextForTheInvitedNumber() {
    var result = post("key-1", invitation("inv-1", "(201) 555-0123", "Ada"));

    assertThat(result).hasStatus(202);
    assertThat(result).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(result).bodyJson().extractingPath("$.decisions[0].user_id").isNull();
    var row =
        jdbc.sql(
                "select to_phone, body, message_type, status, triggered_by_user_id from sms_message")
            .query()
            .singleRow();
    assertThat(row.get("to_phone")).isEqualTo(NUMBER);
    assertThat(row.get("message_type")).isEqualTo("battle_invitation");
    assertThat(row.get("triggered_by_user_id")).isEqualTo("u-inviter");
    assertThat((String) row.get("body"))
        .isEqualTo(
            "Ada has challenged you to a battle on AllThrive!\n\nTopic: Haiku about rain"
                + "\n\nAccept the challenge: https://allthrive.ai/battles/invite/abc\n\nReply STOP to opt out.");
  }

  @Test
  void answersARepeatedKeyWithTheFirstAnswerAndSendsOnce() throws Exception {
    var first = post("key-2", invitation("inv-2", NUMBER, "Ada"));
    String reordered =
        "{\"data\":" + data("inv-2", NUMBER, "Ada") + ",\"type\":\"battle.invitation\"}";

    var second = post("key-2", reordered);

    assertThat(second).hasStatus(202);
    assertThat(second.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    assertThat(messages()).isEqualTo(1);
  }

  @Test
  void answersConcurrentRepeatsOfOneKeyAllAlikeAndSendsOnce() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();

    for (int i = 0; i < 6; i++) {
      answers.add(
          pool.submit(
              () -> {
                var result = post("key-11", invitation("inv-11", NUMBER, "Ada"));
                assertThat(result).hasStatus(202);
                return result.getResponse().getContentAsString();
              }));
    }
    var distinct = new java.util.HashSet<String>();
    for (var answer : answers) {
      distinct.add(answer.get());
    }
    pool.shutdown();

    assertThat(distinct).hasSize(1);
    assertThat(messages()).isEqualTo(1);
  }

  @Test
  void refusesAReusedKeyWithAnotherBody() {
    post("key-3", invitation("inv-3", NUMBER, "Ada"));

    var result = post("key-3", invitation("inv-3", NUMBER, "Grace"));

    assertThat(result).hasStatus(409);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("idempotency_key_reused");
    assertThat(messages()).isEqualTo(1);
  }

  @Test
  void sendsOneInvitationPerInvitationIdWhateverTheKey() {
    post("key-4a", invitation("inv-4", NUMBER, "Ada"));

    var result = post("key-4b", invitation("inv-4", NUMBER, "Ada"));

    assertThat(result).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("skipped");
    assertThat(result).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("duplicate");
    assertThat(messages()).isEqualTo(1);
  }

  @Test
  void limitsInvitationsToOneNumberPerDay() {
    for (int i = 0; i < 3; i++) {
      post("key-5-" + i, invitation("inv-5-" + i, NUMBER, "Ada"));
    }

    var fourth = post("key-5-3", invitation("inv-5-3", NUMBER, "Ada"));

    assertThat(fourth)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("destination_limit");
    assertThat(messages()).isEqualTo(3);
  }

  @Test
  void showsAdminsEachDecisionWithItsReasonAndAMaskedNumber() {
    for (int i = 0; i < 4; i++) {
      post("key-10-" + i, invitation("inv-10-" + i, NUMBER, "Ada"));
    }

    var limited =
        mvc.get()
            .uri("/api/v1/admin/decisions?reason=destination_limit")
            .header("X-Api-Key", TestKeys.ADMIN_KEY)
            .exchange();
    var forbidden =
        mvc.get()
            .uri("/api/v1/admin/decisions")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(limited).hasStatusOk();
    assertThat(limited).bodyJson().extractingPath("$.total").isEqualTo(1);
    assertThat(limited).bodyJson().extractingPath("$.items[0].to_phone").isEqualTo("+1********23");
    assertThat(forbidden).hasStatus(403);
  }

  @Test
  void cleansUserSuppliedTextBeforeItEntersTheMessage() {
    post("key-6", invitation("inv-6", NUMBER, "Ada\n\u0007 Lovelace\r\n  the   First"));

    String body = jdbc.sql("select body from sms_message").query(String.class).single();

    assertThat(body).startsWith("Ada Lovelace the First has challenged you");
  }

  @Test
  void rejectsBadBodiesWithProblemsAndSavesNothing() {
    assertBadRequest("key-7a", "not json", "malformed_body");
    assertBadRequest("key-7b", "{\"data\":{}}", "invalid_event");
    assertBadRequest("key-7c", "{\"type\":\"battle.unknown\",\"data\":{}}", "unknown_event_type");
    assertBadRequest("key-7d", invitation("inv-7", "12", "Ada"), "invalid_event");
    assertBadRequest(
        "key-7e",
        invitation("inv-7", NUMBER, "Ada")
            .replace("https://allthrive.ai/battles/invite/abc", "javascript:alert(1)"),
        "invalid_event");
    assertBadRequest(
        "key-7f", invitation("inv-7", NUMBER, "Ada").replace("\"Ada\"", "42"), "invalid_event");
    assertBadRequest("key-7g", "{\"type\":\"battle.invitation\",\"data\":[1]}", "invalid_event");
    assertThat(jdbc.sql("select count(*) from platform_event").query(Integer.class).single())
        .isZero();
    assertThat(messages()).isZero();
  }

  @Test
  void requiresAnIdempotencyKey() {
    var result =
        mvc.post()
            .uri("/api/v1/events")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(invitation("inv-8", NUMBER, "Ada"))
            .exchange();

    assertThat(result).hasStatus(400);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("missing_idempotency_key");
  }

  @Test
  void acceptsEventsOnlyFromThePlatform() {
    var anonymous =
        mvc.post()
            .uri("/api/v1/events")
            .header("Idempotency-Key", "k")
            .contentType(MediaType.APPLICATION_JSON)
            .content(invitation("inv-9", NUMBER, "Ada"))
            .exchange();
    var admin =
        mvc.post()
            .uri("/api/v1/events/")
            .header("Idempotency-Key", "k")
            .header("X-Api-Key", TestKeys.ADMIN_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(invitation("inv-9", NUMBER, "Ada"))
            .exchange();

    assertThat(anonymous).hasStatus(401);
    assertThat(admin).hasStatus(403);
    assertThat(messages()).isZero();
  }

  MvcTestResult post(String key, String body) {
    return mvc.post()
        .uri("/api/v1/events")
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  int messages() {
    return jdbc.sql("select count(*) from sms_message").query(Integer.class).single();
  }

  void assertBadRequest(String key, String body, String code) {
    var result = post(key, body);
    assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
  }

  static String invitation(String id, String phone, String inviter) {
    return "{\"type\":\"battle.invitation\",\"data\":" + data(id, phone, inviter) + "}";
  }

  static String data(String id, String phone, String inviter) {
    return "{\"invitation_id\":\""
        + id
        + "\",\"inviter_id\":\"u-inviter\",\"inviter_name\":"
        + (inviter.startsWith("{")
            ? inviter
            : "\""
                + inviter.replace("\n", "\\n").replace("\r", "\\r").replace("\u0007", "\\u0007")
                + "\"")
        + ",\"to_phone\":\""
        + phone
        + "\",\"battle_topic\":\"Haiku about rain\","
        + "\"invitation_link\":\"https://allthrive.ai/battles/invite/abc\"}";
  }
}
