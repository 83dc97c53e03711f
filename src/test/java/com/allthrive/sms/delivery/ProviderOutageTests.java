package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Twilio outage: the breaker opens after a few failed sends; while it is open messages wait
 * without a request or an attempt; after the open period one probe is taken and every held message
 * goes, the most urgent first, each exactly once. One that runs out of validity meanwhile ends
 * expired.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DeliveryTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class ProviderOutageTests {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final FakeTwilio twilio = FakeTwilio.shared();

  @Autowired SmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired DeliverySettings settings;

  /** A breaker that opens after 4 failed sends for 10 s; one sender on each path. */
  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> DeliveryFixtures.PUBLIC_BASE_URL);
    registry.add("sms.delivery.twilio.read-timeout", () -> "10s");
    registry.add("sms.delivery.breaker.open-for", () -> "10s");
    registry.add("sms.delivery.breaker.window", () -> "4");
    registry.add("sms.delivery.breaker.minimum-calls", () -> "4");
    registry.add("sms.delivery.immediate-dispatch-threads", () -> "1");
    registry.add("db-scheduler.threads", () -> "1");
    registry.add("db-scheduler.polling-interval", () -> "500ms");
  }

  @AfterEach
  void reset() {
    twilio.reset();
  }

  @Test
  void anOutageHoldsMessagesThenDeliversEachOnceMostUrgentFirst(CapturedOutput output) {
    twilio.startOutage(500);
    List<PhoneNumber> failing = numbers(4);
    failing.forEach(to -> outbox.enqueue(sms(to, "sent into the outage")));
    await().atMost(WAIT).until(() -> circuit("open") == 1);

    List<PhoneNumber> bulk = numbers(3);
    List<Long> held = new ArrayList<>();
    for (PhoneNumber to : bulk) {
      held.add(outbox.enqueue(reminder(to)).messageId());
    }
    PhoneNumber shortLived = newNumber();
    long expiring =
        outbox
            .enqueue(sms(shortLived, "worth it briefly").withSchedule(Instant.now(), seconds(2)))
            .messageId();
    PhoneNumber urgent = newNumber();
    held.add(outbox.enqueue(code(urgent)).messageId());
    await().atMost(WAIT).until(() -> held.stream().allMatch(this::heldForThePoller));
    await().atMost(WAIT).until(() -> status(jdbc, expiring).equals("expired"));

    assertThat(held).allSatisfy(id -> assertThat(row(jdbc, id).get("attempts")).isEqualTo(0));
    assertThat(bulk).allSatisfy(to -> assertThat(twilio.sendsTo(to.e164())).isEmpty());
    assertThat(twilio.sendsTo(urgent.e164())).isEmpty();
    assertThat(failing).allSatisfy(to -> assertThat(twilio.sendsTo(to.e164())).hasSize(1));
    twilio.endOutage();

    await().atMost(WAIT).until(() -> held.stream().allMatch(id -> status(jdbc, id).equals("sent")));
    await()
        .atMost(WAIT)
        .until(() -> failing.stream().allMatch(to -> twilio.created(to.e164()).size() == 1));
    assertThat(circuit("closed")).isEqualTo(1);
    assertThat(held).allSatisfy(id -> assertThat(row(jdbc, id).get("attempts")).isEqualTo(1));
    for (PhoneNumber to : concat(bulk, List.of(urgent))) {
      assertThat(twilio.sendsTo(to.e164())).hasSize(1);
    }
    assertThat(twilio.sendsTo(shortLived.e164())).isEmpty();
    List<String> order = twilio.createdTo();
    for (PhoneNumber to : bulk) {
      assertThat(order.indexOf(urgent.e164())).isLessThan(order.indexOf(to.e164()));
    }
    assertThat(occurrences(output, "SMS provider is failing")).isEqualTo(1);
    assertThat(occurrences(output, "SMS provider is answering again")).isEqualTo(1);
  }

  /** Lines of the log that say {@code what}: the outage is told once, and the recovery once. */
  private static long occurrences(CapturedOutput output, String what) {
    return output.getAll().lines().filter(line -> line.contains(what)).count();
  }

  /** Put back for the poller: no attempt, due again well before the after-commit grace ends. */
  private boolean heldForThePoller(long id) {
    Map<String, Object> row = row(jdbc, id);
    Instant created = instant(row.get("created_at"));
    Instant next = instant(row.get("next_attempt_at"));
    return row.get("status").equals("pending")
        && next.isBefore(created.plus(settings.immediateDispatchGrace()));
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
  }

  private double circuit(String state) {
    Gauge gauge = meters.find("sms.provider.circuit").tag("state", state).gauge();
    return gauge == null ? -1 : gauge.value();
  }

  private static OutgoingSms reminder(PhoneNumber to) {
    return OutgoingSms.of(
            DeliveryFixtures.newKey(), to, MessageType.CHALLENGE_REMINDER, "Due in 1 hour", null)
        .withPriority(Priority.LOW);
  }

  private static OutgoingSms code(PhoneNumber to) {
    return OutgoingSms.of(
            DeliveryFixtures.newKey(), to, MessageType.PHONE_VERIFICATION, "Code 123456", null)
        .withPriority(Priority.HIGH);
  }

  private static List<PhoneNumber> numbers(int count) {
    List<PhoneNumber> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(newNumber());
    }
    return numbers;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Duration seconds(int seconds) {
    return Duration.ofSeconds(seconds);
  }
}
