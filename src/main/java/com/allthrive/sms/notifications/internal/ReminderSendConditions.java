package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.SendCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A challenge reminder, decided again when it is sent (after quiet hours, a retry or a wait in the
 * queue): it goes out only while its challenge exists, the recipient still takes part in it and has
 * not submitted. Otherwise it ends canceled with {@code challenge_deleted}, {@code
 * participant_removed} or {@code challenge_submitted}. The reminder names its challenge in {@code
 * related_object_id}; other messages, and a reminder queued by hand without a challenge, pass.
 */
@Configuration(proxyBeanMethods = false)
class ReminderSendConditions {

  private static final String REMINDER =
      "m.message_type <> 'challenge_reminder' or m.related_object_id is null or ";

  private static final String PARTICIPANT =
      "select 1 from challenge_participant p where p.challenge_id = m.related_object_id"
          + " and p.user_id = m.recipient_user_id";

  @Bean
  SendCondition challengeStillExists() {
    return SendCondition.of(
        "challenge_deleted",
        50,
        REMINDER + "exists (select 1 from challenge c where c.id = m.related_object_id)");
  }

  @Bean
  SendCondition stillAParticipant() {
    return SendCondition.of("participant_removed", 51, REMINDER + "exists (" + PARTICIPANT + ")");
  }

  @Bean
  SendCondition notYetSubmitted() {
    return SendCondition.of(
        "challenge_submitted",
        52,
        REMINDER + "not exists (" + PARTICIPANT + " and p.submitted_at is not null)");
  }
}
