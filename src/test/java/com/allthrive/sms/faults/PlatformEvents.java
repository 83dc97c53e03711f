package com.allthrive.sms.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's side: events posted as the platform does, with an {@code Idempotency-Key}, and
 * posted again with the same key after a 503 (after its {@code Retry-After}) or no answer, until
 * accepted. Every answer is kept so a scenario can say which statuses the API gave.
 */
final class PlatformEvents {

  private final List<ServiceProcess.Answer> answers = new ArrayList<>();

  static String achievement(String userId) {
    return "{\"type\":\"achievement.unlocked\",\"data\":{\"user_id\":\""
        + userId
        + "\",\"achievement_id\":\"a-"
        + userId
        + "\",\"achievement_name\":\"Steady\",\"points\":10}}";
  }

  static String directMessage(String thread, String sender, String recipient) {
    return "{\"type\":\"direct_message.created\",\"data\":{\"thread_id\":\""
        + thread
        + "\",\"message_id\":\"m-"
        + thread
        + "\",\"sender_id\":\""
        + sender
        + "\",\"sender_name\":\"Sam\",\"recipient_ids\":[\""
        + recipient
        + "\"],\"message_preview\":\"See you there\",\"thread_url\":"
        + "\"https://allthrive.example/t/"
        + thread
        + "\"}}";
  }

  /** Posts until a 202 comes; returns it. */
  ServiceProcess.Answer post(ServiceProcess to, String key, String json) {
    for (int tries = 1; ; tries++) {
      ServiceProcess.Answer answer =
          to.post("/api/v1/events", json, Map.of("Idempotency-Key", key));
      synchronized (answers) {
        answers.add(answer);
      }
      if (answer.status() == 202) {
        return answer;
      }
      assertThat(tries).as("tries for event %s: %s", key, answer).isLessThan(120);
      assertThat(answer.status()).as("answer to event %s", key).isIn(0, 503);
      pause(answer.retryAfter() == null ? 1 : Integer.parseInt(answer.retryAfter()));
    }
  }

  List<ServiceProcess.Answer> answers() {
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }

  private static void pause(int seconds) {
    try {
      Thread.sleep(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
