package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule 4, second half: at most one direct-message text per thread and recipient in each debounce
 * period (5 minutes). The slot is taken by a conditional update of the thread's row ({@code
 * dm_debounce}), so of concurrent events, on one instance or several, exactly one passes: the
 * others wait on the row and then find it taken. A later rule that refuses the message gives the
 * slot back in the same transaction. On PostgreSQL one upsert takes the slots of a whole page of
 * recipients ({@code on conflict ... do update ... where}: a row is written, and returned, only
 * where the slot was free). Rows are always locked in key order, so that two transactions naming
 * the same threads cannot deadlock.
 */
class DmDebounce implements Rule {

  private record Slot(String thread, String user) implements Comparable<Slot> {
    @Override
    public int compareTo(Slot other) {
      int byThread = thread.compareTo(other.thread);
      return byThread != 0 ? byThread : user.compareTo(other.user);
    }
  }

  private final JdbcClient jdbc;
  private final Duration period;
  private final boolean postgres;

  DmDebounce(JdbcClient jdbc, Duration period, boolean postgres) {
    this.jdbc = jdbc;
    this.period = period;
    this.postgres = postgres;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    return applyAll(List.of(c), now, ReadAhead.NONE).get(0);
  }

  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    List<Slot> slots =
        candidates.stream().filter(DmDebounce::applies).map(DmDebounce::slot).toList();
    if (slots.isEmpty()) {
      return candidates.stream().map(c -> Optional.<Verdict>empty()).toList();
    }
    if (!postgres || Set.copyOf(slots).size() != slots.size()) {
      if (postgres) {
        lockInKeyOrder(slots);
      }
      return candidates.stream()
          .map(c -> applies(c) ? takeAlone(c, now) : Optional.<Verdict>empty())
          .toList();
    }
    Set<Slot> taken = take(slots, now);
    return candidates.stream()
        .map(
            c ->
                !applies(c) || taken.contains(slot(c))
                    ? Optional.<Verdict>empty()
                    : Optional.of(Verdict.skip("debounced")))
        .toList();
  }

  private Set<Slot> take(List<Slot> slots, Instant now) {
    Instant at = micros(now);
    return new HashSet<>(
        jdbc.sql(
                """
                insert into dm_debounce (thread_id, user_id, last_sent_at) values :rows
                on conflict (thread_id, user_id) do update set last_sent_at = excluded.last_sent_at
                where dm_debounce.last_sent_at is null or dm_debounce.last_sent_at <= :since
                returning thread_id, user_id""")
            .param(
                "rows",
                new TreeSet<>(slots)
                    .stream().map(s -> new Object[] {s.thread(), s.user(), utc(at)}).toList())
            .param("since", utc(at.minus(period)))
            .query((rs, n) -> new Slot(rs.getString(1), rs.getString(2)))
            .list());
  }

  /**
   * Creates the missing rows and locks every row of the page, in key order, in one statement: the
   * slots are then taken one by one on rows this transaction holds, so two transactions naming the
   * same threads in other orders cannot deadlock.
   */
  private void lockInKeyOrder(List<Slot> slots) {
    List<Object[]> rows =
        new TreeSet<>(slots).stream().map(s -> new Object[] {s.thread(), s.user()}).toList();
    jdbc.sql(
            "insert into dm_debounce (thread_id, user_id) values :rows on conflict (thread_id,"
                + " user_id) do update set last_sent_at = dm_debounce.last_sent_at")
        .param("rows", rows)
        .update();
  }

  private static boolean applies(Candidate c) {
    return c.directMessage() && c.thread() != null && c.user() != null;
  }

  private static Slot slot(Candidate c) {
    return new Slot(c.thread(), c.user().value());
  }

  /** One recipient in two statements (H2, or a page naming one thread and recipient twice). */
  private Optional<Verdict> takeAlone(Candidate c, Instant now) {
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
    if (!applies(c)) {
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
