package com.allthrive.sms.costs.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.costs.Alert;
import com.allthrive.sms.costs.CostsSettings;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored alerts. An alert's key names its threshold and day and is unique, so of any number of
 * instances checking at once exactly one inserts it; only that one logs it and schedules its
 * webhook POST, in the same transaction (a db-scheduler task, so a slow or dead webhook holds no
 * send and survives a restart).
 */
@Component
class AlertLog {

  private static final Logger log = LoggerFactory.getLogger(AlertLog.class);
  private static final String COLUMNS =
      "id, kind, subject, threshold, observed, message, created_at, notified";

  /** An alert about to fire; {@code key} makes it fire once. */
  record Firing(
      String key, String kind, String subject, String threshold, String observed, String message) {}

  private final JdbcClient jdbc;
  // lazily: the scheduler is built from the tasks, and the alert check task uses this log
  private final ObjectProvider<SchedulerClient> scheduler;
  private final CostsSettings settings;
  private final Clock clock;

  AlertLog(
      JdbcClient jdbc,
      ObjectProvider<SchedulerClient> scheduler,
      CostsSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.scheduler = scheduler;
    this.settings = settings;
    this.clock = clock;
  }

  /** Stores, logs and notifies the alert unless it fired before; true when it fired now. */
  @Transactional
  boolean fire(Firing f) {
    Instant now = clock.instant();
    boolean webhook = settings.alerts().webhook() != null;
    var keys = new GeneratedKeyHolder();
    int inserted =
        jdbc.sql(
                """
                insert into cost_alert (alert_key, kind, subject, threshold, observed, message,
                  created_at, notified)
                values (:key, :kind, :subject, :threshold, :observed, :message, :now, :notified)
                on conflict do nothing""")
            .param("key", f.key())
            .param("kind", f.kind())
            .param("subject", f.subject())
            .param("threshold", f.threshold())
            .param("observed", f.observed())
            .param("message", f.message())
            .param("now", utc(now))
            .param("notified", webhook ? "pending" : "none")
            .update(keys, "id");
    if (inserted != 1) {
      return false;
    }
    log.warn("SMS alert {}: {}", f.kind(), f.message());
    if (webhook) {
      scheduler
          .getObject()
          .scheduleIfNotExists(
              CostTasks.ALERT_WEBHOOK
                  .instance(Long.toString(keys.getKey().longValue()))
                  .scheduledTo(now));
    }
    return true;
  }

  Optional<Alert> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from cost_alert where id = :id")
        .param("id", id)
        .query(AlertLog::map)
        .optional();
  }

  void markNotified(long id, String state) {
    jdbc.sql("update cost_alert set notified = :state where id = :id")
        .param("id", id)
        .param("state", state)
        .update();
  }

  /** The newest alerts first. */
  List<Alert> list(int page, int size) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from cost_alert order by created_at desc, id desc"
                + " limit :size offset :offset")
        .param("size", size)
        .param("offset", (long) page * size)
        .query(AlertLog::map)
        .list();
  }

  long count() {
    return jdbc.sql("select count(*) from cost_alert").query(Long.class).single();
  }

  private static Alert map(ResultSet rs, int n) throws SQLException {
    return new Alert(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("subject"),
        rs.getString("threshold"),
        rs.getString("observed"),
        rs.getString("message"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("notified"));
  }
}
