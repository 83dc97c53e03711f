package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.PUBLIC_BASE_URL;
import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.TokenMinter;
import com.allthrive.sms.delivery.DeliveryTestConfiguration.RecordedEvents;
import com.allthrive.sms.delivery.DeliveryWebClient.Sent;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.FakeTwilio;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery module's integration tests: sending through the real Twilio SDK to the fake Twilio,
 * the webhooks and the log API. They share one application context per database; the topics live in
 * a chain of abstract classes ({@link DispatchTests}, {@link WebhookTests}, {@link SmsLogApiTests})
 * that {@code DeliveryH2Tests} and {@code DeliveryPostgresTests} run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DeliveryTestConfiguration.class)
abstract class DeliveryIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(15);

  static final FakeTwilio twilio = FakeTwilio.shared();

  @Autowired MockMvcTester mvc;
  @Autowired SmsOutbox outbox;
  @Autowired SmsLog log;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired RecordedEvents events;
  @Autowired TokenMinter tokens;
  @Autowired Clock clock;

  DeliveryWebClient web;

  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> PUBLIC_BASE_URL);
    registry.add("sms.delivery.retry-base-delay", () -> "100ms");
    registry.add("sms.delivery.retry-max-delay", () -> "400ms");
    registry.add("sms.delivery.unknown-outcome-recheck", () -> "200ms");
    registry.add("sms.delivery.unknown-outcome-grace", () -> "5s");
  }

  @BeforeEach
  void resetTwilioAndClient() {
    twilio.reset();
    web = new DeliveryWebClient(mvc);
  }

  /** A message Twilio took. */
  Sent sendOne() {
    PhoneNumber to = newNumber();
    long id = outbox.enqueue(sms(to, "Your battle result is in")).messageId();
    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    return new Sent(id, row(jdbc, id).get("provider_message_id").toString(), to);
  }

  long waiting(UserId user, MessageType type, String body) {
    return waiting(user, type, body, newNumber());
  }

  /** A message for later, so it stays pending while the test looks at it. */
  long waiting(UserId user, MessageType type, String body, PhoneNumber to) {
    var sms =
        OutgoingSms.of(DeliveryFixtures.newKey(), to, type, body, user)
            .withSchedule(Instant.now().plusSeconds(3600), null);
    return outbox.enqueue(sms).messageId();
  }

  long dispatchTasks() {
    return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'sms-dispatch'")
        .query(Long.class)
        .single();
  }
}
