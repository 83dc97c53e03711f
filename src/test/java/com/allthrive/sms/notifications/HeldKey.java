package com.allthrive.sms.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps an intake committer busy: a transaction of the test holds the idempotency key {@code
 * held-key}, so an event posted with it waits on the row (in its committer) until the test rolls
 * back.
 */
final class HeldKey {

  static final String KEY = "held-key";

  private HeldKey() {}

  /** Opens the transaction that holds the key; roll it back to let the waiting event go. */
  static Connection hold(DataSource dataSource) throws SQLException {
    Connection holder = dataSource.getConnection();
    holder.setAutoCommit(false);
    try (var insert =
        holder.prepareStatement(
            "insert into platform_event (id, idempotency_key, body_hash, event_type, created_at)"
                + " values ('held', '"
                + KEY
                + "', 'x', 'x', now())")) {
      insert.executeUpdate();
    }
    return holder;
  }

  /** Whether an event's insert waits on the held key. */
  static boolean awaited(JdbcClient jdbc) {
    return jdbc.sql(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like '%insert into platform_event%'")
            .query(Long.class)
            .single()
        > 0;
  }

  /** Events waiting for a committer. */
  static double waiting(MeterRegistry meters) {
    return meters.get("sms.events.waiting").gauge().value();
  }
}
