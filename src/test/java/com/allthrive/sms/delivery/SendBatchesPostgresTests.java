package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends that end at the same moment are recorded together: one statement for their results, and
 * still each message sent once, with its own provider id, its own status and its task gone.
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
}
