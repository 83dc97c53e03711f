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
  private final SendConditions conditions;
  private final boolean postgres;

  SendClaims(JdbcClient jdbc, SendConditions conditions, DataSource dataSource) {
    this.jdbc = jdbc;
    this.conditions = conditions;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /**
   * pending, due, unexpired, not erased, with no quota to take (see {@link QuotaClaims}) and
   * allowed by every {@link SendConditions send condition} → sending, in one statement, returning
   * the row as it now is (attempts already counted). Empty when the row is in any other state or a
   * condition fails, and always on H2, which cannot return from an update: the caller then reads
   * the row and decides.
   */
  Optional<MessageRow> claimDue(long id, Instant now) {
    if (!postgres) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update sms_message m set status = 'sending', attempts = attempts + 1,
              send_started_at = :now, next_attempt_at = null, rate_slot = null, updated_at = :now
            where m.id = :id and m.status = 'pending' and m.body is not null
              and m.expires_at > :now and not m.quota_when_sent
              and (m.next_attempt_at is null or m.next_attempt_at <= :now) and """
                + conditions.allHold()
                + " returning "
                + MessageRow.COLUMNS)
        .params(conditions.parameters())
        .param("id", id)
        .param("now", utc(now))
        .query(MessageRow::map)
        .optional();
  }

  /**
   * pending after {@code attempts} attempts → sending, when every send condition holds: attempt
   * {@code attempts + 1} starts now. False when another path took the row first (its status or
   * attempt count moved) or a condition fails; see {@link Cancellations#refused}.
   */
  boolean claim(long id, int attempts, Instant now) {
    return jdbc.sql(
                """
                update sms_message m set status = 'sending', attempts = attempts + 1,
                  send_started_at = :now, next_attempt_at = null, quota_when_sent = false,
                  rate_slot = null, updated_at = :now
                where m.id = :id and m.status = 'pending' and m.attempts = :attempts and """
                    + conditions.allHold())
            .params(conditions.parameters())
            .param("id", id)
            .param("attempts", attempts)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * A message inserted for the send right after commit that will not be sent that way after all
   * (too busy, stopping): due now, for the poller, unless another path already took it.
   */
  boolean release(long id, Instant now) {
    return jdbc.sql(
                """
                update sms_message set next_attempt_at = :now, updated_at = :now
                where id = :id and status = 'pending' and attempts = 0""")
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * sending → sending: a lost attempt was not found at the provider; a new one starts now, when
   * every send condition still holds.
   */
  boolean reclaim(long id, Instant previousStart, Instant now) {
    return jdbc.sql(
                """
                update sms_message m set attempts = attempts + 1, send_started_at = :now,
                  updated_at = :now
                where m.id = :id and m.status = 'sending' and m.send_started_at = :previous
                  and """
                    + conditions.allHold())
            .params(conditions.parameters())
            .param("id", id)
            .param("previous", utc(previousStart))
            .param("now", utc(now))
            .update()
        == 1;
  }
}
