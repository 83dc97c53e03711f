package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends that end at the same moment are recorded together: one statement for their results, and
 * still each message sent once, with its own provider id, its own status and its task gone. And
 * messages queued with ids taken ahead: the answers come at once, the rows and tasks are written
 * when the caller runs the write (with its other last statements), and the texts go out once after
 * the commit; a key another transaction took meanwhile fails the write, and nothing of the caller's
 * transaction stays.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DeliveryTestConfiguration.class)
@RequiresPostgres
class SendBatchesPostgresTests {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final FakeTwilio twilio = FakeTwilio.shared();
  static final int MESSAGES = 20;

  @Autowired SmsOutbox outbox;
  @Autowired OneRoundTrip roundTrip;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry registry;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> DeliveryFixtures.PUBLIC_BASE_URL);
    registry.add("sms.delivery.twilio.read-timeout", () -> "30s");
    registry.add("sms.delivery.immediate-dispatch-threads", () -> "40");
  }

  @AfterEach
  void releaseTheProvider() {
    twilio.reset();
  }

  @Test
  void sendsAnsweredTogetherAreRecordedTogetherEachOnceWithItsOwnProviderId() {
    List<PhoneNumber> numbers = new ArrayList<>();
    List<CountDownLatch> answers = new ArrayList<>();
    List<OutgoingSms> messages = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      PhoneNumber number = newNumber();
      numbers.add(number);
      answers.add(twilio.hold(number.e164()));
      messages.add(sms(number, "message " + i));
    }
    List<Long> ids =
        transactions.execute(
            s ->
                outbox.enqueueAll(messages, false).stream()
                    .map(SmsOutbox.Queued::messageId)
                    .toList());
    await()
        .atMost(WAIT)
        .until(() -> numbers.stream().allMatch(n -> twilio.created(n.e164()).size() == 1));
    double sentBefore = batches("sent").count();

    answers.forEach(CountDownLatch::countDown);

    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> status(jdbc, id).equals("sent")));
    for (int i = 0; i < MESSAGES; i++) {
      String to = numbers.get(i).e164();
      assertThat(twilio.sendsTo(to)).hasSize(1);
      var row = row(jdbc, ids.get(i));
      assertThat(row.get("provider_message_id")).isEqualTo(twilio.created(to).get(0).sid());
      assertThat(row.get("attempts")).isEqualTo(1);
      assertThat(row.get("sent_at")).isNotNull();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from scheduled_tasks where task_name = 'sms-dispatch'"
                        + " and task_instance in (:ids)")
                .param("ids", ids.stream().map(String::valueOf).toList())
                .query(Integer.class)
                .single())
        .isZero();
    DistributionSummary sent = batches("sent");
    assertThat(sent.count() - sentBefore).isLessThan(MESSAGES);
    assertThat(sent.max()).isGreaterThan(1);
  }

  private DistributionSummary batches(String statement) {
    return registry.get("sms.dispatch.batch").tag("statement", statement).summary();
  }

  @Test
  void theRowsAreWrittenByTheCallersWriteAndGoOutOnceAfterTheCommit() {
    PhoneNumber first = newNumber();
    PhoneNumber second = newNumber();

    List<Long> ids =
        transactions.execute(
            s -> {
              List<Long> reserved = roundTrip.one(outbox.reserveIds(3));
              var enqueued =
                  outbox.enqueueAll(
                      List.of(sms(first, "one"), sms(second, "two")), false, reserved);
              List<Long> queued =
                  enqueued.queued().stream().map(SmsOutbox.Queued::messageId).toList();
              assertThat(queued).containsExactlyElementsOf(reserved.subList(0, 2));
              assertThat(rows(queued)).as("nothing written before the write runs").isZero();
              roundTrip.run(List.of(enqueued.write()));
              assertThat(rows(queued)).isEqualTo(2);
              return queued;
            });

    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> status(jdbc, id).equals("sent")));
    assertThat(twilio.sendsTo(first.e164())).hasSize(1);
    assertThat(twilio.sendsTo(second.e164())).hasSize(1);
    assertThat(tasks(ids)).as("each task gone once its message is sent").isZero();
  }

  @Test
  void aKeyTakenMeanwhileFailsTheWriteAndNothingOfItStays() {
    PhoneNumber taken = newNumber();
    PhoneNumber fresh = newNumber();
    OutgoingSms before = sms(taken, "first");
    long firstId = transactions.execute(s -> outbox.enqueue(before).messageId());
    await().atMost(WAIT).until(() -> status(jdbc, firstId).equals("sent"));

    List<Long> reserved = transactions.execute(s -> roundTrip.one(outbox.reserveIds(2)));
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    s -> {
                      var enqueued =
                          outbox.enqueueAll(List.of(sms(fresh, "new"), before), false, reserved);
                      roundTrip.run(List.of(enqueued.write()));
                    }))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(rows(reserved)).isZero();
    assertThat(tasks(reserved)).isZero();
    assertThat(
            jdbc.sql("select count(*) from sms_message where to_phone = :to")
                .param("to", fresh.e164())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(twilio.sendsTo(taken.e164())).hasSize(1);
  }

  private long rows(List<Long> ids) {
    return jdbc.sql("select count(*) from sms_message where id in (:ids)")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  private long tasks(List<Long> ids) {
    return jdbc.sql(
            "select count(*) from scheduled_tasks where task_name = 'sms-dispatch'"
                + " and task_instance in (:ids)")
        .param("ids", ids.stream().map(String::valueOf).toList())
        .query(Long.class)
        .single();
  }
}
