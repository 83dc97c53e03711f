package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.SmsApplication;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives a stop: a message queued by one run of the service and due after it stopped
 * is sent, once, by the next run on the same database; so is a message due at once that the stopped
 * run never got to send. A message due now is sent right after its transaction, without the poller.
 */
abstract class RestartDeliveryTests {

  static final FakeTwilio twilio = FakeTwilio.shared();

  /** The database both runs share. */
  abstract Map<String, Object> database();

  @Test
  void aMessageQueuedBeforeAStopIsSentExactlyOnceAfterTheRestart() {
    Map<String, Object> database = database();
    PhoneNumber to = newNumber();
    long id;

    try (ConfigurableApplicationContext first = start(database)) {
      SmsOutbox outbox = first.getBean(SmsOutbox.class);
      Instant due = Instant.now().plusSeconds(4);
      id = outbox.enqueue(sms(to, "queued before the stop").withSchedule(due, null)).messageId();
    }
    assertThat(twilio.sendsTo(to.e164())).isEmpty();

    try (ConfigurableApplicationContext second = start(database)) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, id).equals("sent"));
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(10))
          .until(() -> twilio.sendsTo(to.e164()).size() == 1);
    }
    assertThat(twilio.created(to.e164())).hasSize(1);
  }

  @Test
  void aMessageDueNowIsSentRightAfterItsTransactionWithoutThePoller() {
    PhoneNumber to = newNumber();
    Map<String, Object> quietPoller = new HashMap<>(database());
    quietPoller.put("db-scheduler.polling-interval", "1h");
    quietPoller.put("db-scheduler.immediate-execution-enabled", "false");

    try (ConfigurableApplicationContext service = start(quietPoller)) {
      long id = service.getBean(SmsOutbox.class).enqueue(sms(to, "sent at once")).messageId();
      JdbcClient jdbc = service.getBean(JdbcClient.class);

      await().atMost(Duration.ofSeconds(10)).until(() -> status(jdbc, id).equals("sent"));
      assertThat(twilio.sendsTo(to.e164())).hasSize(1);
      assertThat(tasks(jdbc, id)).as("the sent message's task is gone").isZero();
    }
  }

  @Test
  void messagesDueNowThatAStoppedRunNeverSentAreSentOnceByTheNextRun() {
    Map<String, Object> database = new HashMap<>(database());
    database.put("sms.delivery.immediate-dispatch-grace", "2s");
    List<PhoneNumber> numbers = new ArrayList<>();
    List<Long> ids = new ArrayList<>();

    Map<String, Object> oneSlowSender = new HashMap<>(database);
    oneSlowSender.put("sms.delivery.immediate-dispatch-threads", "1");
    try (ConfigurableApplicationContext first = start(oneSlowSender)) {
      SmsOutbox outbox = first.getBean(SmsOutbox.class);
      for (int i = 0; i < 10; i++) {
        PhoneNumber to = newNumber();
        twilio.answerLate(to.e164(), Duration.ofMillis(300));
        numbers.add(to);
        ids.add(outbox.enqueue(sms(to, "due now, message " + i)).messageId());
      }
    }
    long sentBeforeTheStop =
        numbers.stream().filter(n -> !twilio.sendsTo(n.e164()).isEmpty()).count();
    assertThat(sentBeforeTheStop).as("the stop left messages unsent").isLessThan(10);

    try (ConfigurableApplicationContext second = start(database)) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ids.stream().allMatch(id -> status(jdbc, id).equals("sent")));
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(10))
          .until(() -> numbers.stream().allMatch(n -> twilio.sendsTo(n.e164()).size() == 1));
    }
  }

  private static long tasks(JdbcClient jdbc, long messageId) {
    return jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
        .param("id", Long.toString(messageId))
        .query(Long.class)
        .single();
  }

  private static ConfigurableApplicationContext start(Map<String, Object> database) {
    Map<String, Object> properties = new HashMap<>(database);
    properties.putAll(twilio.properties());
    properties.put("server.port", "0");
    properties.put("sms.delivery.public-base-url", DeliveryFixtures.PUBLIC_BASE_URL);
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(SmsApplication.class).profiles("test").run(args);
  }
}
