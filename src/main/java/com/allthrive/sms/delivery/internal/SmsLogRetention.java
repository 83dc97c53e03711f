package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.DeliverySettings;
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
 * Texts of finished messages older than {@code bodyRetention} are removed each hour; the row stays
 * with its type, status, segments, costs and times, so counts and costs still add up. A message
 * still pending or being sent keeps its text.
 */
@Configuration(proxyBeanMethods = false)
class SmsLogRetention {

  @Bean
  RecurringTask<Void> smsBodyPurge(JdbcClient jdbc, DeliverySettings settings, Clock clock) {
    return PurgeTasks.recurring(
        "sms-body-purge",
        Duration.ofHours(1),
        settings.bodyRetention(),
        clock,
        cutoff -> stripBodies(jdbc, cutoff, clock.instant()));
  }

  /**
   * The SMS log is anonymized on erasure ({@code SmsLog.anonymize}); the send slots are keyed by
   * the service's own senders, and the provider's message ids point at log rows: neither names
   * anybody.
   */
  @Bean
  PersonalData deliveryPersonalData() {
    return new PersonalData(
        Map.of(
            "sms_message", PersonalData.Erasure.ANONYMIZED,
            "sender_slot", PersonalData.Erasure.NONE_HELD,
            "sms_provider_id", PersonalData.Erasure.NONE_HELD));
  }

  private static int stripBodies(JdbcClient jdbc, Instant cutoff, Instant now) {
    return jdbc.sql(
            """
            update sms_message set body = null, sealed_body = null, error_message = null,
              updated_at = :now
            where id in (select id from sms_message where created_at < :cutoff
              and body is not null and status not in ('pending', 'sending') limit :batch)""")
        .param("cutoff", utc(cutoff))
        .param("now", utc(now))
        .param("batch", PurgeTasks.BATCH)
        .update();
  }
}
