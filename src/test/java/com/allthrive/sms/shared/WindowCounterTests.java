package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The counters behind every rate limit: never more hits than the limit, even all at once. */
class WindowCounterTests {

  static final Duration HOUR = Duration.ofHours(1);

  abstract static class Contract {

    final MutableClock clock = new MutableClock(Instant.parse("2030-05-05T10:15:00Z"));
    final WindowCounter counter;

    Contract(DataSource dataSource) {
      JdbcClient jdbc = JdbcClient.create(dataSource);
      jdbc.sql(
              "create table rate_counter (counter_key varchar(200) not null,"
                  + " window_start timestamp with time zone not null, hits int not null,"
                  + " primary key (counter_key, window_start))")
          .update();
      counter = new WindowCounter(jdbc, clock, dataSource);
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
  }

  @Nested
  class OnH2 extends Contract {
    OnH2() {
      super(
          new DriverManagerDataSource(
              "jdbc:h2:mem:"
                  + UUID.randomUUID()
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
              "sa",
              ""));
    }
  }

  @Nested
  @RequiresPostgres
  class OnPostgres extends Contract {
    OnPostgres() {
      super(
          new DriverManagerDataSource(
              TestDatabases.PG_URL + "?currentSchema=" + TestDatabases.freshPostgresSchema(),
              TestDatabases.PG_USER,
              ""));
    }
  }
}
