package com.allthrive.sms.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Race-free fixed-window counters in the database, shared by every instance. A hit is taken by a
 * conditional {@code UPDATE ... WHERE hits < limit}, so two concurrent callers can never both take
 * the last slot (the plan's get-then-set could). Hits join the caller's transaction: a rolled-back
 * send gives its slot back.
 */
@Component
public class WindowCounter {

  /** The answer to one attempt: taken or not, and when the window ends. */
  public record Hit(boolean allowed, Instant windowEnd) {
    public Duration retryAfter(Instant now) {
      return Duration.between(now, windowEnd);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final boolean postgres;

  WindowCounter(JdbcClient jdbc, Clock clock, javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.postgres = isPostgres(dataSource);
  }

  /** Takes one slot of {@code limit} in the current window of {@code key}, if one is left. */
  @Transactional
  public Hit tryAcquire(String key, int limit, Duration window) {
    Instant start = windowStart(window);
    OffsetDateTime at = Timestamps.utc(start);
    if (postgres) {
      return new Hit(upsert(key, at, limit) == 1, start.plus(window));
    }
    jdbc.sql(
            "insert into rate_counter (counter_key, window_start, hits) values (:k, :w, 0)"
                + " on conflict do nothing")
        .param("k", key)
        .param("w", at)
        .update();
    int taken =
        jdbc.sql(
                "update rate_counter set hits = hits + 1"
                    + " where counter_key = :k and window_start = :w and hits < :limit")
            .param("k", key)
            .param("w", at)
            .param("limit", limit)
            .update();
    return new Hit(taken == 1, start.plus(window));
  }

  /** PostgreSQL takes the hit in one statement; the row lock makes it just as race-free. */
  private int upsert(String key, OffsetDateTime at, int limit) {
    return jdbc.sql(
            "insert into rate_counter (counter_key, window_start, hits) values (:k, :w, 1)"
                + " on conflict (counter_key, window_start) do update"
                + " set hits = rate_counter.hits + 1 where rate_counter.hits < :limit")
        .param("k", key)
        .param("w", at)
        .param("limit", limit)
        .update();
  }

  private static boolean isPostgres(javax.sql.DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot reach the database", e);
    }
  }

  /** Gives back one hit of the current window (a later check refused the message). */
  @Transactional
  public void release(String key, Duration window) {
    jdbc.sql(
            "update rate_counter set hits = hits - 1"
                + " where counter_key = :k and window_start = :w and hits > 0")
        .param("k", key)
        .param("w", Timestamps.utc(windowStart(window)))
        .update();
  }

  /** Hits taken so far in the current window of {@code key}. */
  public int count(String key, Duration window) {
    return jdbc.sql("select hits from rate_counter where counter_key = :k and window_start = :w")
        .param("k", key)
        .param("w", Timestamps.utc(windowStart(window)))
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /** Forgets windows that ended before {@code before}. */
  public int purgeBefore(Instant before) {
    return jdbc.sql("delete from rate_counter where window_start < :before")
        .param("before", Timestamps.utc(before))
        .update();
  }

  private Instant windowStart(Duration window) {
    long size = window.toSeconds();
    long now = clock.instant().getEpochSecond();
    return Instant.ofEpochSecond(now - Math.floorMod(now, size));
  }
}
