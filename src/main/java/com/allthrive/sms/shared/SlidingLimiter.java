package com.allthrive.sms.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sliding limits shared by every instance, as a generic cell rate algorithm (GCRA): each key keeps
 * the theoretical arrival time of its next hit. {@code limit} hits per {@code period} allows a
 * burst of {@code limit}, then one hit every {@code period / limit}; no calendar boundary ever
 * resets it, so two bursts on either side of an hour cannot add up. A hit is one conditional
 * statement on the key's single row ({@code ... where tat <= now + tolerance}), evaluated on the
 * row's latest version under its lock: concurrent callers cannot both take the last slot. Hits join
 * the caller's transaction.
 */
@Component
public class SlidingLimiter {

  /** At most {@code limit} hits on {@code key} per sliding {@code period}. */
  public record Rate(String key, int limit, Duration period) {
    public Rate {
      Objects.requireNonNull(key, "key");
      if (period.toMillis() <= 0) {
        throw new IllegalArgumentException("a period lasts at least a millisecond: " + period);
      }
    }

    long emissionMs() {
      return Math.max(1, period.toMillis() / Math.max(1, limit));
    }

    long toleranceMs() {
      return period.toMillis() - emissionMs();
    }
  }

  private final JdbcClient jdbc;
  private final CounterKeys keys;
  private final Clock clock;
  private final boolean postgres;

  SlidingLimiter(JdbcClient jdbc, CounterKeys keys, Clock clock, DataSource dataSource) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.clock = clock;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /**
   * Takes one hit of every rate, or none: the first refusing rate (in the given order) comes back
   * and the hits the others took are given back in the same transaction. A limit of zero or less
   * refuses without a query. Keys must be distinct.
   */
  @Transactional
  public Optional<Rate> tryAcquireAll(List<Rate> rates) {
    Optional<Rate> closed = rates.stream().filter(r -> r.limit() <= 0).findFirst();
    if (closed.isPresent()) {
      return closed;
    }
    long now = clock.millis();
    Set<String> taken = postgres ? upsertAll(rates, now) : oneByOne(rates, now);
    Optional<Rate> refused =
        rates.stream().filter(r -> !taken.contains(keys.of(r.key()))).findFirst();
    if (refused.isPresent()) {
      releaseKeys(rates.stream().map(r -> keys.of(r.key())).filter(taken::contains).toList());
    }
    return refused;
  }

  /**
   * {@link #tryAcquireAll} for each group of rates, all groups at once: the first refusing rate of
   * each group, or empty where the group took its hits. On PostgreSQL every key is hit by one
   * statement (rows in key order), and the groups that were refused give back the hits they took in
   * one more. Where groups share keys (or elsewhere) the groups are taken one by one, in the given
   * order; on PostgreSQL every row is locked first, in key order, so that two transactions taking
   * the same keys in other orders cannot deadlock.
   */
  @Transactional
  public List<Optional<Rate>> tryAcquireEach(List<List<Rate>> groups) {
    List<Rate> all = groups.stream().flatMap(List::stream).toList();
    boolean distinct = all.stream().map(Rate::key).distinct().count() == all.size();
    if (!postgres || !distinct || all.isEmpty() || all.stream().anyMatch(r -> r.limit() <= 0)) {
      if (postgres && groups.size() > 1 && !all.isEmpty()) {
        lockInKeyOrder(all);
      }
      return groups.stream().map(this::tryAcquireAll).toList();
    }
    Map<Rate, String> hashed = hashed(all);
    Set<String> taken = upsertAll(hashed, clock.millis());
    List<Optional<Rate>> refusals = new ArrayList<>(groups.size());
    List<String> givenBack = new ArrayList<>();
    for (List<Rate> group : groups) {
      Optional<Rate> refused =
          group.stream().filter(r -> !taken.contains(hashed.get(r))).findFirst();
      if (refused.isPresent()) {
        group.stream().map(hashed::get).filter(taken::contains).forEach(givenBack::add);
      }
      refusals.add(refused);
    }
    releaseKeys(givenBack);
    return refusals;
  }

  /** Hits {@code rate} would still allow right now. */
  public int remaining(Rate rate) {
    if (rate.limit() <= 0) {
      return 0;
    }
    long now = clock.millis();
    Long tat =
        jdbc.sql("select tat from rate_gcra where counter_key = :k")
            .param("k", keys.of(rate.key()))
            .query(Long.class)
            .optional()
            .orElse(now);
    if (tat <= now) {
      return rate.limit();
    }
    long room = now + rate.toleranceMs() - tat;
    long left = room < 0 ? 0 : room / rate.emissionMs() + 1;
    return (int) Math.min(rate.limit(), left);
  }

  /** Gives one hit of each rate back (a later check refused the message). Keys must be distinct. */
  @Transactional
  public void release(List<Rate> rates) {
    releaseKeys(rates.stream().map(r -> keys.of(r.key())).toList());
  }

  /** One statement for all the stored keys, each given one hit back. */
  private void releaseKeys(List<String> stored) {
    if (!stored.isEmpty()) {
      jdbc.sql("update rate_gcra set tat = tat - emission_ms where counter_key in (:k)")
          .param("k", stored)
          .update();
    }
  }

  /** Forgets keys whose next hit is in the past: they allow their whole limit again. */
  public int purgeIdle() {
    return jdbc.sql("delete from rate_gcra where tat < :now").param("now", clock.millis()).update();
  }

  /** One statement for every rate, rows in key order so that concurrent callers cannot deadlock. */
  private Set<String> upsertAll(List<Rate> rates, long now) {
    return upsertAll(hashed(rates), now);
  }

  private Set<String> upsertAll(Map<Rate, String> hashed, long now) {
    List<Object> params = new ArrayList<>();
    String sql =
        insertInKeyOrder(hashed, true, now, params)
            + " on conflict (counter_key) do update set"
            + " tat = greatest(rate_gcra.tat, ?) + excluded.emission_ms,"
            + " emission_ms = excluded.emission_ms, tolerance_ms = excluded.tolerance_ms"
            + " where rate_gcra.tat <= ? + excluded.tolerance_ms returning counter_key";
    params.add(now);
    params.add(now);
    return new HashSet<>(jdbc.sql(sql).params(params).query(String.class).list());
  }

  /** Creates the rows that are missing and locks every row, in key order, in one statement. */
  private void lockInKeyOrder(List<Rate> rates) {
    List<Object> params = new ArrayList<>();
    String sql =
        insertInKeyOrder(hashed(rates), false, clock.millis(), params)
            + " on conflict (counter_key) do update set tat = rate_gcra.tat";
    jdbc.sql(sql).params(params).update();
  }

  /**
   * The insert of one row per stored key, in key order, so that every statement locks rows in the
   * same order; a new row's next hit is after one hit ({@code hit}) or now. Adds its parameters.
   */
  private static String insertInKeyOrder(
      Map<Rate, String> hashed, boolean hit, long now, List<Object> params) {
    Map<String, Rate> byKey = new TreeMap<>();
    hashed.forEach((rate, key) -> byKey.putIfAbsent(key, rate));
    byKey.forEach(
        (key, r) ->
            params.addAll(
                List.of(key, hit ? now + r.emissionMs() : now, r.emissionMs(), r.toleranceMs())));
    return "insert into rate_gcra (counter_key, tat, emission_ms, tolerance_ms) values "
        + SqlRows.values(byKey.size(), 4);
  }

  /** Each rate with its stored key (an HMAC, computed once). */
  private Map<Rate, String> hashed(List<Rate> rates) {
    Map<Rate, String> hashed = new LinkedHashMap<>();
    rates.forEach(r -> hashed.put(r, keys.of(r.key())));
    return hashed;
  }

  /** H2 has no conditional upsert: make sure the row exists, then take a hit if it fits. */
  private Set<String> oneByOne(List<Rate> rates, long now) {
    Set<String> taken = new HashSet<>();
    for (Rate r : rates) {
      String key = keys.of(r.key());
      jdbc.sql(
              "insert into rate_gcra (counter_key, tat, emission_ms, tolerance_ms)"
                  + " values (:k, :now, :i, :t) on conflict do nothing")
          .param("k", key)
          .param("now", now)
          .param("i", r.emissionMs())
          .param("t", r.toleranceMs())
          .update();
      int updated =
          jdbc.sql(
                  "update rate_gcra set tat = greatest(tat, :now) + :i, emission_ms = :i,"
                      + " tolerance_ms = :t where counter_key = :k and tat <= :now + :t")
              .param("k", key)
              .param("now", now)
              .param("i", r.emissionMs())
              .param("t", r.toleranceMs())
              .update();
      if (updated != 1) {
        break;
      }
      taken.add(key);
    }
    return taken;
  }
}
