package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule 4, second half: at most one direct-message text per thread and recipient in each debounce
 * period (5 minutes). The slot is taken by a conditional update of the thread's row ({@code
 * dm_debounce}), so of concurrent events, on one instance or several, exactly one passes: the
 * others wait on the row and then find it taken. A later rule that refuses the message gives the
 * slot back in the same transaction.
 */
class DmDebounce implements Rule {

  private final JdbcClient jdbc;
  private final Duration period;

  DmDebounce(JdbcClient jdbc, Duration period) {
    this.jdbc = jdbc;
    this.period = period;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (!c.directMessage() || c.thread() == null || c.user() == null) {
      return Optional.empty();
    }
    jdbc.sql(
            "insert into dm_debounce (thread_id, user_id) values (:thread, :user)"
                + " on conflict do nothing")
        .param("thread", c.thread())
        .param("user", c.user().value())
        .update();
    int taken =
        jdbc.sql(
                "update dm_debounce set last_sent_at = :now where thread_id = :thread"
                    + " and user_id = :user and (last_sent_at is null or last_sent_at <= :since)")
            .param("now", utc(micros(now)))
            .param("since", utc(micros(now).minus(period)))
            .param("thread", c.thread())
            .param("user", c.user().value())
            .update();
    return taken == 1 ? Optional.empty() : Optional.of(Verdict.skip("debounced"));
  }

  @Override
  public void giveBack(Candidate c, Instant now, boolean deferred) {
    if (!c.directMessage() || c.thread() == null || c.user() == null) {
      return;
    }
    jdbc.sql(
            "update dm_debounce set last_sent_at = null where thread_id = :thread"
                + " and user_id = :user and last_sent_at = :now")
        .param("now", utc(micros(now)))
        .param("thread", c.thread())
        .param("user", c.user().value())
        .update();
  }

  private static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
