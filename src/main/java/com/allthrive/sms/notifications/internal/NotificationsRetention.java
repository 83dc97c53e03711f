package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.PersonalData;
import com.allthrive.sms.shared.PurgeTasks;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions older than {@code decisionRetention} and events (idempotency keys with their answer)
 * older than {@code eventRetention} are deleted each hour, in batches.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsRetention {

  @Bean
  RecurringTask<Void> decisionPurge(JdbcClient jdbc, NotificationsSettings settings, Clock clock) {
    return PurgeTasks.recurring(
        "decision-purge",
        Duration.ofHours(1),
        settings.decisionRetention(),
        clock,
        cutoff -> deleteOlder(jdbc, "notification_decision", cutoff));
  }

  @Bean
  RecurringTask<Void> eventKeyPurge(JdbcClient jdbc, NotificationsSettings settings, Clock clock) {
    return PurgeTasks.recurring(
        "event-key-purge",
        Duration.ofHours(1),
        settings.eventRetention(),
        clock,
        cutoff -> deleteOlder(jdbc, "platform_event", cutoff));
  }

  /** Both tables lose the user on erasure ({@code NotificationsErasure}). */
  @Bean
  PersonalData notificationsPersonalData() {
    return new PersonalData(
        Map.of(
            "notification_decision", PersonalData.Erasure.ANONYMIZED,
            "platform_event", PersonalData.Erasure.ANONYMIZED));
  }

  private static int deleteOlder(JdbcClient jdbc, String table, Instant cutoff) {
    return jdbc.sql(
            "delete from "
                + table
                + " where id in (select id from "
                + table
                + " where created_at < :cutoff limit :batch)")
        .param("cutoff", utc(cutoff))
        .param("batch", PurgeTasks.BATCH)
        .update();
  }
}
