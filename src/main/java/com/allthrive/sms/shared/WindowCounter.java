package com.allthrive.sms.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Race-free fixed-window counters in the database, shared by every instance. A hit is taken by a
 * conditional {@code UPDATE ... WHERE hits < limit}, so two concurrent callers can never both take
 * the last slot (the plan's get-then-set could). Hits join the caller's transaction: a rolled-back
 * send gives its slot back. Keys are stored as an HMAC under the server secret ({@link
 * CounterKeys}), so the table holds no phone numbers; windows are purged by {@link CounterPurge}.
 */
@Component
public class WindowCounter {

  /** The answer to one attempt: taken or not, and when the window ends. */
  public record Hit(boolean allowed, Instant windowEnd) {
    public Duration retryAfter(Instant now) {
      return Duration.between(now, windowEnd);
    }
  }

  /** At most {@code limit} hits on {@code key} in each fixed window of {@code window}. */
  public record Limit(String key, int limit, Duration window) {
    public Limit {
      Objects.requireNonNull(key, "key");
      if (window.toSeconds() <= 0) {
        throw new IllegalArgumentException("a window lasts at least a second: " + window);
      }
    }
  }

  /** The limit that refused a hit, and when its current window ends. */
  public record Exceeded(Limit limit, Instant windowEnd) {
    public Duration retryAfter(Instant now) {
      return Duration.between(now, windowEnd);
    }
  }

  private final JdbcClient jdbc;
  private final CounterKeys keys;
  private final Clock clock;
  private final boolean postgres;

  WindowCounter(JdbcClient jdbc, CounterKeys keys, Clock clock, javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.clock = clock;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /** Takes one slot of {@code limit} in the current window of {@code key}, if one is left. */
  @Transactional
  public Hit tryAcquire(String key, int limit, Duration window) {
    Instant now = clock.instant();
    var refused = acquire(List.of(new Limit(key, limit, window)), now);
    return new Hit(refused.isEmpty(), windowEnd(window, now));
  }

  /**
   * Takes one slot of each limit, as {@link #tryAcquire} on each in turn up to the first refusal
   * would, and returns that first refusal (in the given order, with the limit as given), if any. A
   * limit of zero or less refuses without a query. Keys should be distinct: repeated keys are taken
   * one by one.
   *
   * <p>Meant for callers that roll back on a refusal. On PostgreSQL all the limits are tried in one
   * statement, so the ones after the refusing limit may have taken a slot too; the rollback gives
   * every slot back, as it does for those before. A caller that commits despite a refusal should
   * take its limits one by one instead. On H2 the limits are taken one by one in the given order,
   * so callers sharing keys there should list them in one order.
   */
  @Transactional
  public Optional<Exceeded> tryAcquireAll(List<Limit> limits) {
    return acquire(limits, clock.instant());
  }

  private Optional<Exceeded> acquire(List<Limit> limits, Instant now) {
    int closed = 0;
    while (closed < limits.size() && limits.get(closed).limit() > 0) {
      closed++;
    }
    // a limit of zero refuses whatever the count, and a loop stopping there never tries the rest
    List<Limit> tried = limits.subList(0, closed);
    Optional<Exceeded> refused =
        postgres && distinctKeys(tried) ? upsertAll(tried, now) : oneByOne(tried, now);
    if (refused.isEmpty() && closed < limits.size()) {
      return Optional.of(exceeded(limits.get(closed), now));
    }
    return refused;
  }

  /**
   * One statement for every limit. Rows go in key order, so concurrent callers lock the rows they
   * share in the same order and cannot deadlock; each row carries its own limit to the conflict
   * clause as {@code excluded.hit_limit}, and the keys that took a slot come back.
   */
  private Optional<Exceeded> upsertAll(List<Limit> limits, Instant now) {
    if (limits.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sql =
        new StringBuilder(
            "insert into rate_counter (counter_key, window_start, window_end, hits, hit_limit)"
                + " values ");
    List<Object> params = new ArrayList<>();
    List<Limit> byKey = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
    for (Limit l : byKey) {
      sql.append(params.isEmpty() ? "(?, ?, ?, 1, ?)" : ", (?, ?, ?, 1, ?)");
      params.add(keys.of(l.key()));
      params.add(Timestamps.utc(windowStart(l.window(), now)));
      params.add(Timestamps.utc(windowEnd(l.window(), now)));
      params.add(l.limit());
    }
    sql.append(
        " on conflict (counter_key, window_start) do update set hits = rate_counter.hits + 1"
            + " where rate_counter.hits < excluded.hit_limit returning counter_key");
    Set<String> taken =
        new HashSet<>(jdbc.sql(sql.toString()).params(params).query(String.class).list());
    return limits.stream()
        .filter(l -> !taken.contains(keys.of(l.key())))
        .findFirst()
        .map(l -> exceeded(l, now));
  }

  private Optional<Exceeded> oneByOne(List<Limit> limits, Instant now) {
    for (Limit l : limits) {
      boolean taken = postgres ? upsertAll(List.of(l), now).isEmpty() : takeOnH2(l, now);
      if (!taken) {
        return Optional.of(exceeded(l, now));
      }
    }
    return Optional.empty();
  }

  /** H2 has no conditional upsert: make sure the row exists, then take a slot if one is left. */
  private boolean takeOnH2(Limit l, Instant now) {
    OffsetDateTime at = Timestamps.utc(windowStart(l.window(), now));
    jdbc.sql(
            "insert into rate_counter (counter_key, window_start, window_end, hits)"
                + " values (:k, :w, :end, 0) on conflict do nothing")
        .param("k", keys.of(l.key()))
        .param("w", at)
        .param("end", Timestamps.utc(windowEnd(l.window(), now)))
        .update();
    return jdbc.sql(
                "update rate_counter set hits = hits + 1"
                    + " where counter_key = :k and window_start = :w and hits < :limit")
            .param("k", keys.of(l.key()))
            .param("w", at)
            .param("limit", l.limit())
            .update()
        == 1;
  }

  private static boolean distinctKeys(List<Limit> limits) {
    return limits.stream().map(Limit::key).distinct().count() == limits.size();
  }

  /** Gives back one hit of the current window (a later check refused the message). */
  @Transactional
  public void release(String key, Duration window) {
    jdbc.sql(
            "update rate_counter set hits = hits - 1"
                + " where counter_key = :k and window_start = :w and hits > 0")
        .param("k", keys.of(key))
        .param("w", Timestamps.utc(windowStart(window, clock.instant())))
        .update();
  }

  /** Hits taken so far in the current window of {@code key}. */
  public int count(String key, Duration window) {
    return jdbc.sql("select hits from rate_counter where counter_key = :k and window_start = :w")
        .param("k", keys.of(key))
        .param("w", Timestamps.utc(windowStart(window, clock.instant())))
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Forgets up to {@link PurgeTasks#BATCH} windows that are over at {@code now}, and rows written
   * before windows recorded their end that started before {@code startedBefore}.
   */
  public int purgeEnded(Instant now, Instant startedBefore) {
    return jdbc.sql(
            "delete from rate_counter where (counter_key, window_start) in (select counter_key,"
                + " window_start from rate_counter where window_end <= :now or (window_end is"
                + " null and window_start < :before) limit :batch)")
        .param("now", Timestamps.utc(now))
        .param("before", Timestamps.utc(startedBefore))
        .param("batch", PurgeTasks.BATCH)
        .update();
  }

  private static Exceeded exceeded(Limit l, Instant now) {
    return new Exceeded(l, windowEnd(l.window(), now));
  }

  private static Instant windowEnd(Duration window, Instant now) {
    return windowStart(window, now).plus(window);
  }

  private static Instant windowStart(Duration window, Instant now) {
    long size = window.toSeconds();
    long seconds = now.getEpochSecond();
    return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, size));
  }
}
