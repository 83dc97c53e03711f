package com.allthrive.sms.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.delivery.ConsoleOutbox;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The verification flow end to end over HTTP; run on H2 and on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(VerificationTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class VerificationFlowTests {

  @Autowired MockMvcTester mvc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired RecordingCodeGenerator codes;
  @Autowired VerifiedEvents events;
  @Autowired JdbcClient jdbc;
  @Autowired ConsoleOutbox console;

  VerificationClient client;

  @BeforeEach
  void setUp() {
    client = new VerificationClient(mvc, json);
    clock.set(VerificationTestConfiguration.START);
  }

  @Test
  void verifiesTheNumberTheCodeWasSentTo() {
    String user = client.newUser();
    String number = VerificationClient.newNumber();
    Instant now = clock.instant();

    var requested = client.request(user, number, "203.0.113.9");

    assertThat(requested).hasStatus(202);
    var sent = client.body(requested);
    assertThat(sent.get("phone_number").asString()).isEqualTo(number);
    assertThat(Instant.parse(sent.get("expires_at").asString()))
        .isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(Instant.parse(sent.get("resend_available_at").asString()))
        .isEqualTo(now.plusSeconds(30));

    var verified = client.verify(user, codes.last(), "203.0.113.9");

    assertThat(verified).hasStatusOk();
    var preferences = client.body(verified);
    assertThat(preferences.get("phone_number").asString()).isEqualTo(number);
    assertThat(preferences.get("phone_verified").asBoolean()).isTrue();
    assertThat(Instant.parse(preferences.get("phone_verified_at").asString())).isEqualTo(now);
    var event = events.of(new UserId(user));
    assertThat(event)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.number().e164()).isEqualTo(number);
              assertThat(e.evidence().ip()).isEqualTo("203.0.113.9");
              assertThat(e.evidence().userAgent()).isEqualTo(VerificationClient.USER_AGENT);
              assertThat(e.evidence().disclosureText())
                  .startsWith("By verifying your number you agree");
            });
  }

  @Test
  void queuesTheCodeAsAHighPriorityTextWhoseLoggedBodyHidesTheCode(CapturedOutput output) {
    String user = client.newUser();
    String number = VerificationClient.newNumber();

    assertThat(client.request(user, number)).hasStatus(202);

    String code = codes.last();
    Map<String, Object> row =
        jdbc.sql("select * from sms_message where recipient_user_id = :u")
            .param("u", user)
            .query()
            .singleRow();
    assertThat(row.get("message_type")).isEqualTo("phone_verification");
    assertThat(row.get("priority")).isEqualTo("high");
    assertThat(row.get("to_phone")).isEqualTo(number);
    assertThat(row.get("idempotency_key").toString()).startsWith("verification:" + user + ":");
    assertThat(row.get("body"))
        .isEqualTo(
            "Your AllThrive verification code is: ******\n\nThis code expires in 10 minutes.");
    long id = ((Number) row.get("id")).longValue();
    await().atMost(Duration.ofSeconds(10)).until(() -> sent(id));
    assertThat(console.recent())
        .filteredOn(e -> e.messageId() == id)
        .singleElement()
        .extracting(ConsoleOutbox.Entry::body)
        .isEqualTo(
            "Your AllThrive verification code is: "
                + code
                + "\n\nThis code expires in 10 minutes.");
    assertThat(
            jdbc.sql("select sealed_body is null from sms_message where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .as("the sealed real text is wiped once sent")
        .isTrue();
    assertThat(output)
        .contains("Sent verification code")
        .doesNotContain(code)
        .doesNotContain(number);
  }

  private boolean sent(long id) {
    return "sent"
        .equals(
            jdbc.sql("select status from sms_message where id = :id")
                .param("id", id)
                .query(String.class)
                .single());
  }

  @Test
  void eachCodesTextIsKeyedByTheIdStoredWithIt() {
    String user = client.newUser();
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      clock.advance(Duration.ofMinutes(5));
      assertThat(client.request(user, VerificationClient.newNumber())).hasStatus(202);
      long codeId =
          jdbc.sql("select code_id from phone_verification where user_id = :u")
              .param("u", user)
              .query(Long.class)
              .single();
      keys.add("verification:" + user + ":" + codeId);
    }

    assertThat(keys).doesNotHaveDuplicates();
    assertThat(
            jdbc.sql("select idempotency_key from sms_message where recipient_user_id = :u")
                .param("u", user)
                .query()
                .singleColumn())
        .containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void storesTheCodeOnlyAsAKeyedHash() {
    String user = client.newUser();

    client.request(user, VerificationClient.newNumber());

    String stored =
        jdbc.sql("select code_hmac from phone_verification where user_id = :u")
            .param("u", user)
            .query(String.class)
            .single();
    assertThat(stored).hasSize(64).doesNotContain(codes.last());
  }

  @Test
  void aCodeForOneNumberNeverVerifiesTheNumberSwitchedToAfterwards() {
    String user = client.newUser();
    String attackerNumber = VerificationClient.newNumber();
    String victimNumber = VerificationClient.newNumber();
    client.request(user, attackerNumber);
    String code = codes.last();

    assertThat(client.setPhone(user, victimNumber)).hasStatusOk();
    var result = client.verify(user, code);

    assertThat(result).hasStatus(409);
    assertThat(client.body(result).get("code").asString()).isEqualTo("number_changed");
    var account = client.body(client.account(user));
    assertThat(account.get("phone_number").asString()).isEqualTo(victimNumber);
    assertThat(account.get("phone_verified").asBoolean()).isFalse();
    assertThat(events.of(new UserId(user))).isEmpty();
  }

  @Test
  void aNewCodeReplacesTheOldOne() {
    String user = client.newUser();
    client.request(user, VerificationClient.newNumber());
    String first = codes.last();
    clock.advance(Duration.ofSeconds(30));
    String second = VerificationClient.newNumber();
    client.request(user, second);

    var withOld = client.verify(user, first);
    var withNew = client.verify(user, codes.last());

    assertThat(withOld).hasStatus(400);
    assertThat(client.body(withOld).get("code").asString()).isEqualTo("invalid_code");
    assertThat(withNew).hasStatusOk();
    assertThat(client.body(withNew).get("phone_number").asString()).isEqualTo(second);
  }

  @Test
  void fiveWrongAttemptsKillTheCodeAndTheSixthFailsEvenWhenRight() {
    String user = client.newUser();
    client.request(user, VerificationClient.newNumber());

    for (int left = 4; left >= 0; left--) {
      var wrong = client.verify(user, codes.wrong());
      assertThat(wrong).hasStatus(400);
      assertThat(client.body(wrong).get("code").asString()).isEqualTo("invalid_code");
      assertThat(client.body(wrong).get("attempts_left").asInt()).isEqualTo(left);
    }
    var right = client.verify(user, codes.last());

    assertThat(right).hasStatus(429).hasHeader("Retry-After", "30");
    assertThat(client.body(right).get("code").asString()).isEqualTo("too_many_attempts");
    assertThat(client.body(client.account(user)).get("phone_verified").asBoolean()).isFalse();
  }

  @Test
  void aCodeExpiresAfterTenMinutes() {
    String early = client.newUser();
    String late = client.newUser();
    client.request(early, VerificationClient.newNumber());
    String earlyCode = codes.last();
    client.request(late, VerificationClient.newNumber());
    String lateCode = codes.last();

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    var inTime = client.verify(early, earlyCode);
    clock.advance(Duration.ofSeconds(1));
    var tooLate = client.verify(late, lateCode);

    assertThat(inTime).hasStatusOk();
    assertThat(tooLate).hasStatus(400);
    assertThat(client.body(tooLate).get("code").asString()).isEqualTo("code_expired");
  }

  @Test
  void twoConcurrentRightAnswersVerifyExactlyOnce() throws Exception {
    String user = client.newUser();
    client.request(user, VerificationClient.newNumber());
    String code = codes.last();
    var barrier = new CyclicBarrier(2);

    var first = CompletableFuture.supplyAsync(() -> submitTogether(barrier, user, code));
    var second = CompletableFuture.supplyAsync(() -> submitTogether(barrier, user, code));
    List<Integer> statuses =
        List.of(first.get().getResponse().getStatus(), second.get().getResponse().getStatus());

    assertThat(statuses).containsExactlyInAnyOrder(200, 400);
    assertThat(events.of(new UserId(user))).hasSize(1);
  }

  @Test
  void aNumberVerifiedByAnotherAccountCannotBeVerifiedAgain() {
    String owner = client.newUser();
    String other = client.newUser();
    String number = VerificationClient.newNumber();
    client.request(other, number);
    String othersCode = codes.last();
    client.request(owner, number);
    client.verify(owner, codes.last());

    var atVerify = client.verify(other, othersCode);
    var atRequest = client.request(client.newUser(), number);

    assertThat(atVerify).hasStatus(409);
    assertThat(client.body(atVerify).get("code").asString()).isEqualTo("number_taken");
    assertThat(atRequest).hasStatus(409);
    assertThat(client.body(atRequest).get("code").asString()).isEqualTo("number_taken");
  }

  @Test
  void aUserCannotUseAnotherUsersCode() {
    String victim = client.newUser();
    String attacker = client.newUser();
    client.request(victim, VerificationClient.newNumber());

    var result = client.verify(attacker, codes.last());

    assertThat(result).hasStatus(400);
    assertThat(client.body(result).get("code").asString()).isEqualTo("no_pending_code");
    assertThat(client.body(client.account(victim)).get("phone_verified").asBoolean()).isFalse();
  }

  @Test
  void erasureRemovesTheAccountAndItsCodes() {
    String user = client.newUser();
    client.request(user, VerificationClient.newNumber());

    var erased =
        mvc.delete()
            .uri("/api/v1/platform/users/{id}", user)
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(erased).hasStatus(204);
    assertThat(
            jdbc.sql("select count(*) from phone_verification where user_id = :u")
                .param("u", user)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from account where user_id = :u")
                .param("u", user)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(client.account(user)).hasStatus(404);
    assertThat(client.verify(user, codes.last())).hasStatus(404);
    assertThat(client.request(user, VerificationClient.newNumber())).hasStatus(404);
  }

  @Test
  void refusesACodeThatIsNotSixDigitsWithoutCountingIt() {
    String user = client.newUser();
    client.request(user, VerificationClient.newNumber());

    var malformed = client.verify(user, "12ab");
    var right = client.verify(user, codes.last());

    assertThat(malformed).hasStatus(400);
    assertThat(client.body(malformed).get("code").asString()).isEqualTo("malformed_code");
    assertThat(right).hasStatusOk();
  }

  private MvcTestResult submitTogether(CyclicBarrier barrier, String user, String code) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return client.verify(user, code);
  }
}
