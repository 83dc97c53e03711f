package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.WindowCounter.Exceeded;
import com.allthrive.sms.shared.WindowCounter.Limit;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The counters behind every rate limit: never more hits than the limit, even all at once. */
class WindowCounterTests {

  static final Duration HOUR = Duration.ofHours(1);

  abstract static class Contract {

    final MutableClock clock = new MutableClock(Instant.parse("2030-05-05T10:15:00Z"));
    final WindowCounter counter;
    final TransactionTemplate tx;
    final JdbcClient jdbc;

    @Test
    void keepsNoPhoneNumberInTheCounterTable() {
      counter.tryAcquire("number:+12015550123", 5, HOUR);

      assertThat(jdbc.sql("select counter_key from rate_counter").query(String.class).list())
          .singleElement()
          .satisfies(key -> assertThat(key).doesNotContain("2015550123").matches("[0-9a-f]{64}"));
      assertThat(counter.count("number:+12015550123", HOUR)).isEqualTo(1);
    }

    @Test
    void forgetsAWindowAsSoonAsItIsOver() {
      counter.tryAcquire("user:hourly", 5, HOUR);
      counter.tryAcquire("user:daily", 5, Duration.ofDays(1));
      clock.advance(Duration.ofMinutes(50));
      counter.tryAcquire("user:new", 5, HOUR);

      int purged = counter.purgeEnded(clock.instant(), clock.instant().minus(Duration.ofDays(2)));

      assertThat(purged).isEqualTo(1);
      assertThat(counter.count("user:new", HOUR)).isEqualTo(1);
      assertThat(counter.count("user:daily", Duration.ofDays(1))).isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from rate_counter").query(Long.class).single())
          .isEqualTo(2);
    }

    @Test
    void forgetsRowsWithoutAnEndOnceTheyAreOlderThanTheRetention() {
      jdbc.sql(
              "insert into rate_counter (counter_key, window_start, hits) values ('a', :old, 1),"
                  + " ('b', :recent, 1)")
          .param("old", Timestamps.utc(clock.instant().minus(Duration.ofDays(3))))
          .param("recent", Timestamps.utc(clock.instant().minus(Duration.ofHours(3))))
          .update();

      int purged = counter.purgeEnded(clock.instant(), clock.instant().minus(Duration.ofDays(2)));

      assertThat(purged).isEqualTo(1);
      assertThat(jdbc.sql("select counter_key from rate_counter").query(String.class).list())
          .containsExactly("b");
    }

    Contract(DataSource dataSource) {
      JdbcClient jdbc = JdbcClient.create(dataSource);
      jdbc.sql(
              "create table rate_counter (counter_key varchar(200) not null,"
                  + " window_start timestamp with time zone not null,"
                  + " window_end timestamp with time zone, hits int not null,"
                  + " hit_limit int, primary key (counter_key, window_start))")
          .update();
      this.jdbc = jdbc;
      var keys =
          new CounterKeys(
              new SharedSettings(
                  "window-counter-test-secret-of-32-chars", false, Duration.ofDays(2)));
      counter = new WindowCounter(jdbc, keys, clock, dataSource);
      tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void grantsExactlyTheLimitToConcurrentCallers() throws Exception {
      var pool = Executors.newFixedThreadPool(8);
      List<Future<Boolean>> hits = new ArrayList<>();
      Callable<Boolean> take = () -> counter.tryAcquire("user:ada", 5, HOUR).allowed();

      for (int i = 0; i < 24; i++) {
        hits.add(pool.submit(take));
      }
      int granted = 0;
      for (Future<Boolean> hit : hits) {
        granted += hit.get() ? 1 : 0;
      }
      pool.shutdown();

      assertThat(granted).isEqualTo(5);
      assertThat(counter.count("user:ada", HOUR)).isEqualTo(5);
    }

    @Test
    void startsAfreshInTheNextWindowAndSaysWhenThatIs() {
      for (int i = 0; i < 2; i++) {
        counter.tryAcquire("user:bob", 2, HOUR);
      }

      var refused = counter.tryAcquire("user:bob", 2, HOUR);
      clock.advance(Duration.ofMinutes(45));
      var next = counter.tryAcquire("user:bob", 2, HOUR);

      assertThat(refused.allowed()).isFalse();
      assertThat(refused.retryAfter(Instant.parse("2030-05-05T10:15:00Z")))
          .isEqualTo(Duration.ofMinutes(45));
      assertThat(next.allowed()).isTrue();
    }

    @Test
    void givesASlotBackOnRelease() {
      counter.tryAcquire("user:eve", 1, HOUR);

      counter.release("user:eve", HOUR);

      assertThat(counter.tryAcquire("user:eve", 1, HOUR).allowed()).isTrue();
    }

    @Test
    void reportsTheFirstFullLimitInTheCallersOrder() {
      var hourly = new Limit("n:hour", 2, HOUR);
      var daily = new Limit("n:day", 1, Duration.ofDays(1));
      var twentyMinutes = new Limit("n:20min", 1, Duration.ofMinutes(20));
      assertThat(counter.tryAcquireAll(List.of(hourly, daily, twentyMinutes))).isEmpty();

      var first = counter.tryAcquireAll(List.of(hourly, twentyMinutes, daily)).orElseThrow();
      var second = counter.tryAcquireAll(List.of(daily, twentyMinutes)).orElseThrow();

      assertThat(first.limit()).isEqualTo(twentyMinutes);
      assertThat(first.retryAfter(clock.instant())).isEqualTo(Duration.ofMinutes(5));
      assertThat(second.limit()).isEqualTo(daily);
      assertThat(second.retryAfter(clock.instant())).isEqualTo(Duration.ofMinutes(13 * 60 + 45));
    }

    @Test
    void aClosedLimitRefusesWithoutCountingAnything() {
      var open = new Limit("z:open", 5, HOUR);
      var closed = new Limit("z:closed", 0, HOUR);

      var refused = counter.tryAcquireAll(List.of(closed, open));

      assertThat(refused.orElseThrow().limit()).isEqualTo(closed);
      assertThat(counter.count("z:open", HOUR)).isZero();
      assertThat(counter.tryAcquire("z:closed", 0, HOUR).allowed()).isFalse();
      assertThat(counter.count("z:closed", HOUR)).isZero();
    }

    @Test
    void aRolledBackRefusalGivesEverySlotBack() {
      counter.tryAcquire("r:full", 1, HOUR);
      var limits =
          List.of(
              new Limit("r:before", 3, HOUR),
              new Limit("r:full", 1, HOUR),
              new Limit("r:after", 3, HOUR));

      var refused = tx.execute(status -> rollBackIfRefused(status, limits));

      assertThat(refused.orElseThrow().limit().key()).isEqualTo("r:full");
      assertThat(counter.count("r:before", HOUR)).isZero();
      assertThat(counter.count("r:full", HOUR)).isEqualTo(1);
      assertThat(counter.count("r:after", HOUR)).isZero();
    }

    @Test
    void overlappingCallersNeverPassALimit() throws Exception {
      takeOverlappingKeys(false);
    }

    /**
     * Callers in their own transactions take overlapping keys, rolling back when refused: no limit
     * is ever passed, nothing deadlocks, and a call is refused only by a limit that is full.
     */
    void takeOverlappingKeys(boolean inAnyOrder) throws Exception {
      List<Limit> keys = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        keys.add(new Limit("o:" + i, 3 + i, HOUR));
      }
      var pool = Executors.newFixedThreadPool(8);
      List<List<Limit>> asked = new ArrayList<>();
      List<Future<Optional<Exceeded>>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        List<Limit> some = new ArrayList<>(keys);
        Collections.shuffle(some, new Random(i));
        List<Limit> call = new ArrayList<>(some.subList(0, 2 + i % 3));
        if (!inAnyOrder) {
          call.sort(Comparator.comparing(Limit::key));
        }
        asked.add(call);
        answers.add(pool.submit(() -> tx.execute(status -> rollBackIfRefused(status, call))));
      }
      Map<String, Integer> granted = new HashMap<>();
      for (int i = 0; i < answers.size(); i++) {
        var answer = answers.get(i).get(30, TimeUnit.SECONDS);
        if (answer.isEmpty()) {
          asked.get(i).forEach(l -> granted.merge(l.key(), 1, Integer::sum));
        } else {
          Limit full = answer.get().limit();
          assertThat(counter.count(full.key(), HOUR)).isEqualTo(full.limit());
        }
      }
      pool.shutdown();

      for (Limit l : keys) {
        assertThat(counter.count(l.key(), HOUR))
            .isEqualTo(granted.getOrDefault(l.key(), 0))
            .isLessThanOrEqualTo(l.limit());
      }
    }

    private Optional<Exceeded> rollBackIfRefused(TransactionStatus status, List<Limit> limits) {
      var refused = counter.tryAcquireAll(limits);
      if (refused.isPresent()) {
        status.setRollbackOnly();
      }
      return refused;
    }
  }

  @Nested
  class OnH2 extends Contract {
    OnH2() {
      super(TestDatabases.h2DataSource());
    }
  }

  @Nested
  @RequiresPostgres
  class OnPostgres extends Contract {
    OnPostgres() {
      super(TestDatabases.postgresDataSource());
    }

    /** One statement locks its rows in key order, whatever order the caller lists them in. */
    @Test
    void callersListingKeysInAnyOrderDoNotDeadlock() throws Exception {
      takeOverlappingKeys(true);
    }
  }
}
