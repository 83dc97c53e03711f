package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.Databases;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sends a message: the moves into and out of {@code sending}, taken before the provider is
 * called. Each is one conditional statement, so of two dispatchers only one can win a row; a send
 * that crashed leaves the row {@code sending}, to be looked up, never resent blindly.
 */
@Component
class SendClaims {

  private final JdbcClient jdbc;
  private final boolean postgres;

  SendClaims(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /**
   * pending, due, unexpired and not erased → sending, in one statement, returning the row as it now
   * is (attempts already counted). Empty when the row is in any other state, and always on H2,
   * which cannot return from an update: the caller then reads the row and decides.
   */
  Optional<MessageRow> claimDue(long id, Instant now) {
    if (!postgres) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update sms_message set status = 'sending', attempts = attempts + 1,
              send_started_at = :now, next_attempt_at = null, updated_at = :now
            where id = :id and status = 'pending' and body is not null and expires_at > :now
              and (next_attempt_at is null or next_attempt_at <= :now)"""
                + " returning "
                + MessageRow.COLUMNS)
        .param("id", id)
        .param("now", utc(now))
        .query(MessageRow::map)
        .optional();
  }

  /** pending → sending: one more attempt starts now. */
  boolean claim(long id, Instant now) {
    return jdbc.sql(
                """
                update sms_message set status = 'sending', attempts = attempts + 1,
                  send_started_at = :now, next_attempt_at = null, updated_at = :now
                where id = :id and status = 'pending'""")
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /** sending → pending: a claimed send that was never started goes back to the queue. */
  boolean unclaim(long id, Instant claimedAt, Instant now) {
    return jdbc.sql(
                """
                update sms_message set status = 'pending', attempts = attempts - 1,
                  send_started_at = null, next_attempt_at = :now, updated_at = :now
                where id = :id and status = 'sending' and send_started_at = :claimed""")
            .param("id", id)
            .param("claimed", utc(claimedAt))
            .param("now", utc(now))
            .update()
        == 1;
  }

  /** sending → sending: a lost attempt was not found at the provider; a new one starts now. */
  boolean reclaim(long id, Instant previousStart, Instant now) {
    return jdbc.sql(
                """
                update sms_message set attempts = attempts + 1, send_started_at = :now,
                  updated_at = :now
                where id = :id and status = 'sending' and send_started_at = :previous""")
            .param("id", id)
            .param("previous", utc(previousStart))
            .param("now", utc(now))
            .update()
        == 1;
  }
}
