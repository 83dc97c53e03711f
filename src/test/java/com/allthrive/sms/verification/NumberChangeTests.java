package com.allthrive.sms.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asking for a code never costs the user the number they have: an opted-out number gets no code
 * (and no text is attempted), and a new number takes over only once it is verified.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(VerificationTestConfiguration.class)
abstract class NumberChangeTests {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final FakeTwilio twilio = FakeTwilio.shared();
  static final String ALERT = "security.password_changed";

  @Autowired MockMvcTester mvc;
  @Autowired JsonMapper json;
  @Autowired RecordingCodeGenerator codes;
  @Autowired Accounts accounts;
  @Autowired InboundSmsHandler inbound;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  VerificationClient client;

  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
  }

  @BeforeEach
  void setUp() {
    client = new VerificationClient(mvc, json);
    twilio.reset();
  }

  @Test
  void refusesACodeForANumberThatTextedStopAndTextsNothing() {
    String user = client.newUser();
    String number = VerificationClient.newNumber();
    inbound.handle(new InboundSms(new PhoneNumber(number), "STOP", null, "SM-stop"));

    var refused = client.request(user, number);

    assertThat(refused).hasStatus(409);
    assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("number_opted_out");
    assertThat(client.body(refused).get("detail").asString())
        .contains("Text START to " + FakeTwilio.FROM);
    var other = VerificationClient.newNumber();
    assertThat(client.request(user, other)).hasStatus(202);
    await().atMost(WAIT).until(() -> twilio.sendsTo(other).size() == 1);
    assertThat(twilio.sendsTo(number)).isEmpty();
    assertThat(client.body(client.account(user)).get("phone_number").asString()).isEqualTo(other);
  }

  @Test
  void theVerifiedNumberKeepsItsTextsUntilTheNewOneIsVerified() {
    String user = client.newUser();
    String old = VerificationClient.newNumber();
    String next = VerificationClient.newNumber();
    assertThat(client.request(user, old)).hasStatus(202);
    assertThat(client.verify(user, codes.last())).hasStatusOk();
    clock.advance(Duration.ofMinutes(1));

    assertThat(client.request(user, next)).hasStatus(202);
    var pending = client.body(client.preferences(user));
    assertThat(pending.get("phone_number").asString()).isEqualTo(old);
    assertThat(pending.get("phone_verified").asBoolean()).isTrue();
    assertThat(pending.get("pending_phone_number").asString()).isEqualTo(next);
    alert(user);
    await().atMost(WAIT).until(() -> alertsTo(old) == 1);
    assertThat(alertsTo(next)).isZero();

    var verified = client.verify(user, codes.last());

    assertThat(verified).hasStatusOk();
    assertThat(client.body(verified).get("phone_number").asString()).isEqualTo(next);
    assertThat(client.body(verified).get("pending_phone_number").isNull()).isTrue();
    alert(user);
    await().atMost(WAIT).until(() -> alertsTo(next) == 1);
    assertThat(alertsTo(old)).isEqualTo(1);
    assertThat(ledger(user))
        .containsExactly("opt_in " + old, "number_changed " + old, "opt_in " + next);
  }

  @Test
  void replacingTheNumberOutrightStillTakesEffectAtOnce() {
    String user = client.newUser();
    String old = VerificationClient.newNumber();
    assertThat(client.request(user, old)).hasStatus(202);
    assertThat(client.verify(user, codes.last())).hasStatusOk();
    String next = VerificationClient.newNumber();

    assertThat(client.setPhone(user, next)).hasStatusOk();

    var now = client.body(client.preferences(user));
    assertThat(now.get("phone_number").asString()).isEqualTo(next);
    assertThat(now.get("phone_verified").asBoolean()).isFalse();
  }

  void alert(String user) {
    var result = new PlatformCalls(mvc, accounts).event(ALERT, "{\"user_id\":\"" + user + "\"}");
    assertThat(result).hasStatus(202);
    assertThat(result).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
  }

  long alertsTo(String number) {
    return twilio.sendsTo(number).stream()
        .filter(form -> form.get("Body").startsWith("Security Alert"))
        .count();
  }

  List<String> ledger(String user) {
    return jdbc.sql(
            "select action || ' ' || phone_number from consent_ledger where user_id = :u"
                + " and action in ('opt_in', 'opt_out', 'number_changed') order by id")
        .param("u", user)
        .query(String.class)
        .list();
  }
}
