package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Verification codes and security alerts jump ahead of bulk sends on both paths: the send right
 * after commit and the poller. One sender on each path, so the order at Twilio is the order of
 * dispatch.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({DeliveryTestConfiguration.class, MutableClock.StartingNow.class})
abstract class PriorityTests {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final FakeTwilio twilio = FakeTwilio.shared();

  @Autowired SmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> DeliveryFixtures.PUBLIC_BASE_URL);
    registry.add("sms.delivery.twilio.read-timeout", () -> "30s");
    registry.add("sms.delivery.immediate-dispatch-threads", () -> "1");
    registry.add("db-scheduler.threads", () -> "1");
    registry.add("db-scheduler.polling-interval", () -> "500ms");
  }

  @AfterEach
  void releaseTheProvider() {
    twilio.reset();
  }

  @Test
  void aCodeQueuedAfterRemindersIsSentRightAfterCommitBeforeThem() {
    clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    PhoneNumber first = newNumber();
    CountDownLatch provider = twilio.hold(first.e164());
    outbox.enqueue(reminder(first, null));
    await().atMost(WAIT).until(() -> twilio.created(first.e164()).size() == 1);
    List<PhoneNumber> bulk = numbers(10);
    List<Long> ids = new ArrayList<>();
    bulk.forEach(to -> ids.add(outbox.enqueue(reminder(to, null)).messageId()));
    PhoneNumber urgent = newNumber();
    ids.add(outbox.enqueue(code(urgent, null)).messageId());

    provider.countDown();

    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> sent(id)));
    List<String> order = twilio.createdTo();
    assertThat(order.indexOf(urgent.e164())).isEqualTo(order.indexOf(first.e164()) + 1);
  }

  @Test
  void thePollerTakesTheCodeBeforeTheRemindersDueWithIt() {
    clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    Instant later = clock.instant().plus(Duration.ofHours(1));
    List<PhoneNumber> bulk = numbers(10);
    List<Long> ids = new ArrayList<>();
    bulk.forEach(to -> ids.add(outbox.enqueue(reminder(to, later)).messageId()));
    PhoneNumber urgent = newNumber();
    ids.add(outbox.enqueue(code(urgent, later)).messageId());

    clock.set(later);
    jdbc.sql(
            "update scheduled_tasks set execution_time = :now"
                + " where task_name = 'sms-dispatch' and picked = false")
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();

    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> sent(id)));
    List<String> order = twilio.createdTo();
    for (PhoneNumber to : bulk) {
      assertThat(order.indexOf(urgent.e164())).isLessThan(order.indexOf(to.e164()));
    }
  }

  private boolean sent(long id) {
    return status(jdbc, id).equals("sent");
  }

  private static OutgoingSms reminder(PhoneNumber to, Instant at) {
    return message(to, MessageType.CHALLENGE_REMINDER, "Due soon", Priority.LOW, at);
  }

  private static OutgoingSms code(PhoneNumber to, Instant at) {
    return message(to, MessageType.PHONE_VERIFICATION, "Code 4821", Priority.HIGH, at);
  }

  /** Due now, or at {@code at} with an hour to go out. */
  private static OutgoingSms message(
      PhoneNumber to, MessageType type, String body, Priority priority, Instant at) {
    OutgoingSms sms =
        OutgoingSms.of(DeliveryFixtures.newKey(), to, type, body, null).withPriority(priority);
    return at == null ? sms : sms.withSchedule(at, Duration.ofHours(1));
  }

  private static List<PhoneNumber> numbers(int count) {
    List<PhoneNumber> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(newNumber());
    }
    return numbers;
  }
}
