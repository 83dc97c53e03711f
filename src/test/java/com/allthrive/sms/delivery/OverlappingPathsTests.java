package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import java.time.Duration;
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
 * Both send paths on one message: the send right after commit is stuck at a slow provider while the
 * grace period passes and the poller takes over. Each message reaches Twilio once.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({DeliveryTestConfiguration.class, MutableClock.StartingNow.class})
abstract class OverlappingPathsTests {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final FakeTwilio twilio = FakeTwilio.shared();

  @Autowired SmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired DeliverySettings settings;

  /** One sender on the immediate path, and a provider slow enough to hold it without a timeout. */
  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> DeliveryFixtures.PUBLIC_BASE_URL);
    registry.add("sms.delivery.twilio.read-timeout", () -> "30s");
    registry.add("sms.delivery.immediate-dispatch-threads", () -> "1");
  }

  @AfterEach
  void releaseTheProvider() {
    twilio.reset();
  }

  @Test
  void thePollerAndTheSendAfterCommitSendEachMessageOnce() {
    var slow = newNumber();
    var second = newNumber();
    var third = newNumber();
    CountDownLatch provider = twilio.hold(slow.e164());
    long stuck = outbox.enqueue(sms(slow, "stuck at the provider")).messageId();
    await().atMost(WAIT).until(() -> twilio.created(slow.e164()).size() == 1);
    long queuedBehind = outbox.enqueue(sms(second, "waiting behind it")).messageId();
    long alsoQueued = outbox.enqueue(sms(third, "waiting too")).messageId();

    clock.advance(settings.immediateDispatchGrace().plusSeconds(1));
    dispatchTasksDueNow();

    await()
        .atMost(WAIT)
        .until(
            () ->
                status(jdbc, queuedBehind).equals("sent")
                    && status(jdbc, alsoQueued).equals("sent")
                    && status(jdbc, stuck).equals("sent"));
    provider.countDown();
    var later = newNumber();
    long after = outbox.enqueue(sms(later, "after the others")).messageId();
    // the single sender of the immediate path handles messages in order: once this one is sent,
    // it has come back from the provider and dealt with the two it lost to the poller
    await().atMost(WAIT).until(() -> status(jdbc, after).equals("sent"));
    assertThat(twilio.sendsTo(slow.e164())).hasSize(1);
    assertThat(twilio.sendsTo(second.e164())).hasSize(1);
    assertThat(twilio.sendsTo(third.e164())).hasSize(1);
    assertThat(twilio.sendsTo(later.e164())).hasSize(1);
    assertThat(row(jdbc, stuck).get("provider_message_id"))
        .isEqualTo(twilio.created(slow.e164()).get(0).sid());
    assertThat(row(jdbc, stuck).get("attempts")).isEqualTo(1);
  }

  @Test
  void aSendThatWaitedPastItsGraceIsLeftToItsTask() {
    var slow = newNumber();
    var late = newNumber();
    var fresh = newNumber();
    CountDownLatch provider = twilio.hold(slow.e164());
    outbox.enqueue(sms(slow, "stuck at the provider"));
    await().atMost(WAIT).until(() -> twilio.created(slow.e164()).size() == 1);
    long waited = outbox.enqueue(sms(late, "waiting past the grace period")).messageId();

    clock.advance(settings.immediateDispatchGrace().plusSeconds(1));
    provider.countDown();
    long after = outbox.enqueue(sms(fresh, "queued after the clock moved")).messageId();
    // one sender takes the queue in order: once the fresh one is sent, the late one was dealt with
    await().atMost(WAIT).until(() -> status(jdbc, after).equals("sent"));

    assertThat(status(jdbc, waited)).isEqualTo("pending");
    assertThat(row(jdbc, waited).get("attempts")).isEqualTo(0);
    assertThat(twilio.sendsTo(late.e164())).isEmpty();
    dispatchTasksDueNow();
    await().atMost(WAIT).until(() -> status(jdbc, waited).equals("sent"));
    assertThat(twilio.sendsTo(late.e164())).hasSize(1);
  }

  /** The scheduler runs on the real clock: what the moved service clock made due runs now. */
  private void dispatchTasksDueNow() {
    jdbc.sql(
            "update scheduled_tasks set execution_time = :now"
                + " where task_name = 'sms-dispatch' and picked = false")
        .param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
        .update();
  }
}
