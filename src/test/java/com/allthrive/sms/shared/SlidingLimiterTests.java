package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.SlidingLimiter.Rate;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sliding limits: no calendar boundary resets them, and concurrent callers never overshoot. */
class SlidingLimiterTests {

  static final Duration HOUR = Duration.ofHours(1);

  abstract static class Contract {

    final MutableClock clock = new MutableClock(Instant.parse("2030-05-05T10:59:00Z"));
    final SlidingLimiter limiter;
    final JdbcClient jdbc;
    final DataSource dataSource;

    Contract(DataSource dataSource) {
      this.dataSource = dataSource;
      JdbcClient jdbc = JdbcClient.create(dataSource);
      jdbc.sql(
              "create table rate_gcra (counter_key varchar(200) primary key, tat bigint not null,"
                  + " emission_ms bigint not null, tolerance_ms bigint not null)")
          .update();
      var keys =
          new CounterKeys(
              new SharedSettings(
                  "sliding-limiter-test-secret-of-32-chars", false, Duration.ofDays(2)));
      limiter = new SlidingLimiter(jdbc, keys, clock, dataSource);
      this.jdbc = jdbc;
    }

    @Test
    void aBurstJustBeforeTheHourLeavesNothingForABurstJustAfterIt() {
      Rate hourly = new Rate("user-hour:ada", 10, HOUR);
      int before = takeUpTo(hourly, 10);

      clock.set(Instant.parse("2030-05-05T11:01:00Z"));
      int after = takeUpTo(hourly, 10);

      assertThat(before).isEqualTo(10);
      assertThat(after).isZero();
      assertThat(limiter.remaining(hourly)).isZero();
    }

    @Test
    void givesBackOneTextForEachTenthOfTheHourThatPasses() {
      Rate hourly = new Rate("user-hour:bob", 10, HOUR);
      takeUpTo(hourly, 10);

      clock.advance(Duration.ofMinutes(6));
      int afterSix = takeUpTo(hourly, 10);
      clock.advance(Duration.ofMinutes(30));
      int remaining = limiter.remaining(hourly);

      assertThat(afterSix).isEqualTo(1);
      assertThat(remaining).isEqualTo(5);
    }

    @Test
    void isWholeAgainAfterAQuietPeriod() {
      Rate hourly = new Rate("user-hour:cy", 10, HOUR);
      takeUpTo(hourly, 4);

      assertThat(limiter.remaining(hourly)).isEqualTo(6);
      clock.advance(HOUR);
      assertThat(limiter.remaining(hourly)).isEqualTo(10);
    }

    @Test
    void takesEveryRateOrNoneAndNamesTheOneThatRefused() {
      Rate hourly = new Rate("h:dee", 2, HOUR);
      Rate daily = new Rate("d:dee", 3, Duration.ofDays(1));
      takeUpTo(daily, 3);

      Optional<Rate> refused = limiter.tryAcquireAll(List.of(hourly, daily));

      assertThat(refused).contains(daily);
      assertThat(limiter.remaining(hourly)).isEqualTo(2);
    }

    @Test
    void groupsThatAreRefusedGiveBackWhatTheyTookAndTheOthersKeepIt() {
      Rate adaHour = new Rate("h:ada", 1, HOUR);
      Rate adaDay = new Rate("d:ada", 5, Duration.ofDays(1));
      Rate bobHour = new Rate("h:bob", 1, HOUR);
      Rate bobDay = new Rate("d:bob", 5, Duration.ofDays(1));
      Rate cyHour = new Rate("h:cy", 3, HOUR);
      Rate cyDay = new Rate("d:cy", 5, Duration.ofDays(1));
      takeUpTo(adaHour, 1);
      takeUpTo(bobHour, 1);

      var refusals =
          limiter.tryAcquireEach(
              List.of(List.of(adaHour, adaDay), List.of(bobHour, bobDay), List.of(cyHour, cyDay)));

      assertThat(refusals)
          .containsExactly(Optional.of(adaHour), Optional.of(bobHour), Optional.empty());
      assertThat(limiter.remaining(adaDay)).isEqualTo(5);
      assertThat(limiter.remaining(bobDay)).isEqualTo(5);
      assertThat(limiter.remaining(cyHour)).isEqualTo(2);
      assertThat(limiter.remaining(cyDay)).isEqualTo(4);

      limiter.release(List.of(cyHour, cyDay));
      assertThat(limiter.remaining(cyHour)).isEqualTo(3);
      assertThat(limiter.remaining(cyDay)).isEqualTo(5);
    }

    @Test
    void grantsExactlyTheLimitToConcurrentCallers() throws Exception {
      Rate rate = new Rate("user-day:eve", 30, Duration.ofDays(1));
      var pool = Executors.newFixedThreadPool(8);
      List<Future<Boolean>> hits = new ArrayList<>();

      for (int i = 0; i < 50; i++) {
        hits.add(pool.submit(() -> limiter.tryAcquireAll(List.of(rate)).isEmpty()));
      }
      int granted = 0;
      for (Future<Boolean> hit : hits) {
        granted += hit.get() ? 1 : 0;
      }
      pool.shutdown();

      assertThat(granted).isEqualTo(30);
      assertThat(limiter.remaining(rate)).isZero();
    }

    @Test
    void storesNoKeyInClearAndForgetsIdleKeys() {
      Rate hourly = new Rate("invite-to:+12015550101", 3, HOUR);
      takeUpTo(hourly, 1);

      var stored = jdbc.sql("select counter_key from rate_gcra").query(String.class).list();
      clock.advance(Duration.ofMinutes(21));
      int purged = limiter.purgeIdle();

      assertThat(stored).singleElement().asString().doesNotContain("2015550101").hasSize(64);
      assertThat(purged).isEqualTo(1);
      assertThat(limiter.remaining(hourly)).isEqualTo(3);
    }

    int takeUpTo(Rate rate, int tries) {
      int taken = 0;
      for (int i = 0; i < tries; i++) {
        taken += limiter.tryAcquireAll(List.of(rate)).isEmpty() ? 1 : 0;
      }
      return taken;
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

    /**
     * Two transactions that name the same keys in opposite orders, with a key repeated (two intake
     * batches that both hold events for two users): taken group by group in the given order they
     * would lock one key each and wait for the other's.
     */
    @Test
    void groupsThatShareKeysInOtherOrdersNeverDeadlock() throws Exception {
      Rate ada = new Rate("user-day:ada", 1_000, Duration.ofDays(1));
      Rate bob = new Rate("user-day:bob", 1_000, Duration.ofDays(1));
      var pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 30; round++) {
          var start = new CyclicBarrier(2);
          var one = pool.submit(() -> takeTogether(start, List.of(ada, bob, ada)));
          var two = pool.submit(() -> takeTogether(start, List.of(bob, ada, bob)));
          assertThat(one.get()).as("round %d", round).containsOnly(Optional.empty());
          assertThat(two.get()).as("round %d", round).containsOnly(Optional.empty());
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(limiter.remaining(ada)).isEqualTo(1_000 - 90);
      assertThat(limiter.remaining(bob)).isEqualTo(1_000 - 90);
    }

    private List<Optional<Rate>> takeTogether(CyclicBarrier start, List<Rate> rates)
        throws Exception {
      start.await(10, TimeUnit.SECONDS);
      var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
      return transactions.execute(
          s -> limiter.tryAcquireEach(rates.stream().map(List::of).toList()));
    }
  }
}
