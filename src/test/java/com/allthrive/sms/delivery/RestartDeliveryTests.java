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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives a stop: a message queued by one run of the service and due after it stopped
 * is sent, once, by the next run on the same database.
 */
abstract class RestartDeliveryTests {

  static final FakeTwilio twilio = FakeTwilio.shared();

  /** The database both runs share. */
  abstract Map<String, Object> database();

  @Test
  void aMessageQueuedBeforeAStopIsSentExactlyOnceAfterTheRestart() {
    Map<String, Object> database = database();
    PhoneNumber to = newNumber();
    Instant due = Instant.now().plusSeconds(4);
    long id;

    try (ConfigurableApplicationContext first = start(database)) {
      SmsOutbox outbox = first.getBean(SmsOutbox.class);
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
