package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.support.Instances;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reminder is sent once per challenge, participant and window, also when the service restarts on
 * the same database and the platform sends the challenge again within the reminder's grace.
 */
abstract class ChallengeRemindersRestartTests {

  static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

  /** The database both runs share. */
  abstract Map<String, Object> database();

  @Test
  void aReminderSentBeforeARestartIsNotSentAgainAfterIt() {
    Map<String, Object> properties = new HashMap<>(database());
    properties.put("server.port", "0");
    properties.put("sms.notifications.reminder-recheck", "200ms");
    MutableClock clock = new MutableClock(T0);
    Instant deadline = T0.plus(Duration.ofHours(30));

    try (ConfigurableApplicationContext first = Instances.start(properties, clock)) {
      Instances.verifiedUser(first, "ada", "+12015550501");
      Instances.verifiedUser(first, "carl", "+12015550502");
      challenge(first, deadline, "ada");
      clock.set(deadline.minus(Duration.ofHours(1)));
      await().atMost(Duration.ofSeconds(20)).until(() -> bodies(first, "ada").size() == 1);
    }

    clock.advance(Duration.ofMinutes(5));
    try (ConfigurableApplicationContext second = Instances.start(properties, clock)) {
      challenge(second, deadline, "ada", "carl");
      await().atMost(Duration.ofSeconds(20)).until(() -> bodies(second, "carl").size() == 1);

      assertThat(bodies(second, "ada")).hasSize(1);
      assertThat(bodies(second, "carl").get(0)).startsWith("Reminder: 1 hour left");
    }
  }

  static void challenge(ConfigurableApplicationContext instance, Instant deadline, String... ids) {
    var answer =
        new PlatformHttp(Instances.port(instance))
            .put(
                "/api/v1/platform/challenges/c1",
                "{\"title\":\"Prompt Week\",\"challenge_url\":\"https://allthrive.ai/c/1\","
                    + "\"deadline\":\""
                    + deadline
                    + "\",\"participant_ids\":[\""
                    + String.join("\",\"", ids)
                    + "\"]}");
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  static List<String> bodies(ConfigurableApplicationContext instance, String user) {
    return instance
        .getBean(JdbcClient.class)
        .sql("select body from sms_message where recipient_user_id = :u")
        .param("u", user)
        .query(String.class)
        .list();
  }
}
