package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outbox depth (messages with a dispatch task) and the age of the oldest message that is due but
 * not yet picked. Both come from one indexed query on the scheduler's table, run at most once per
 * {@link #REFRESH} however often the gauges are scraped; a failed query keeps the last figures and
 * is tried again at the next scrape.
 */
@Component
class OutboxGauges {

  static final Duration REFRESH = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Instant readAt = Instant.EPOCH;
  private volatile double depth;
  private volatile double oldestDueSeconds;

  OutboxGauges(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("sms.outbox.depth", this, g -> g.refreshed().depth)
        .description("Messages waiting to be sent (due or scheduled later)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("sms.outbox.oldest.due.age", this, g -> g.refreshed().oldestDueSeconds)
        .description("How long the oldest due message has waited past its time")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  private synchronized OutboxGauges refreshed() {
    Instant now = clock.instant();
    if (Duration.between(readAt, now).compareTo(REFRESH) < 0) {
      return this;
    }
    try {
      read(now);
      readAt = now;
    } catch (RuntimeException e) {
      log.warn("Outbox figures not read: {}", e.toString());
    }
    return this;
  }

  private void read(Instant now) {
    Object[] figures =
        jdbc.sql(
                """
                select count(*) as depth,
                  min(case when execution_time <= :now and picked = false then execution_time end)
                    as oldest
                from scheduled_tasks where task_name = :task""")
            .param("now", utc(now))
            .param("task", DispatchTasks.DISPATCH.getTaskName())
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)})
            .single();
    depth = (Long) figures[0];
    OffsetDateTime oldest = (OffsetDateTime) figures[1];
    oldestDueSeconds = oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toSeconds();
  }
}
