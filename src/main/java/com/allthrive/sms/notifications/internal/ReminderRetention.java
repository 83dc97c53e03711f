package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.PersonalData;
import com.allthrive.sms.shared.PurgeTasks;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminder schedules and debounce slots go once they can no longer matter, each hour: a challenge
 * (with its participants) a day after its deadline, the keys of the reminders decided a week after
 * they were decided (a reminder is decided at most a day before its deadline), and a direct-message
 * debounce slot a day after its text.
 */
@Configuration(proxyBeanMethods = false)
class ReminderRetention {

  static final Duration AFTER_DEADLINE = Duration.ofDays(1);

  @Bean
  RecurringTask<Void> challengePurge(JdbcClient jdbc, Clock clock) {
    return PurgeTasks.recurring(
        "challenge-purge",
        Duration.ofHours(1),
        AFTER_DEADLINE,
        clock,
        cutoff -> {
          int keys =
              jdbc.sql("delete from challenge_reminder where created_at < :cutoff")
                  .param("cutoff", utc(cutoff.minus(Duration.ofDays(6))))
                  .update();
          return keys
              + jdbc.sql("delete from challenge where deadline < :cutoff")
                  .param("cutoff", utc(cutoff))
                  .update();
        });
  }

  @Bean
  RecurringTask<Void> dmDebouncePurge(JdbcClient jdbc, Clock clock) {
    return PurgeTasks.recurring(
        "dm-debounce-purge",
        Duration.ofHours(1),
        Duration.ofDays(1),
        clock,
        cutoff ->
            jdbc.sql("delete from dm_debounce where last_sent_at < :cutoff")
                .param("cutoff", utc(cutoff))
                .update());
  }

  /** Rows naming a user go on erasure ({@code NotificationsErasure}); challenges name nobody. */
  @Bean
  PersonalData reminderPersonalData() {
    return new PersonalData(
        Map.of(
            "challenge", PersonalData.Erasure.NONE_HELD,
            "challenge_participant", PersonalData.Erasure.DELETED,
            "challenge_reminder", PersonalData.Erasure.DELETED,
            "dm_debounce", PersonalData.Erasure.DELETED));
  }
}
