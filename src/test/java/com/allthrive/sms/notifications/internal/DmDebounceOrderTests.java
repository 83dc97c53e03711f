package com.allthrive.sms.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two intake transactions that hold direct messages of the same threads, in other orders, take the
 * debounce slots without deadlocking (one of them would be rolled back and its events taken again
 * one by one), and each slot still goes to exactly one message.
 */
@RequiresPostgres
class DmDebounceOrderTests {

  final DataSource dataSource = TestDatabases.postgresDataSource();
  final JdbcClient jdbc = JdbcClient.create(dataSource);
  final DmDebounce debounce = new DmDebounce(jdbc, Duration.ofMinutes(5), true);
  final TransactionTemplate transactions =
      new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  final Instant now = Instant.parse("2030-05-05T10:00:00Z");

  @Test
  void threadsNamedInOtherOrdersNeverDeadlockAndEachSlotPassesOnce() throws Exception {
    jdbc.sql(
            "create table dm_debounce (thread_id varchar(64) not null, user_id varchar(64) not"
                + " null, last_sent_at timestamp with time zone, primary key (thread_id, user_id))")
        .update();
    var pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 40; round++) {
        String a = "a" + round;
        String b = "b" + round;
        // even rounds: one recipient named twice in a page; odd rounds: distinct slots
        List<String> one = round % 2 == 0 ? List.of(a, b, a) : List.of(a, b);
        List<String> two = round % 2 == 0 ? List.of(b, a, b) : List.of(b, a);
        var start = new CyclicBarrier(2);
        var first = pool.submit(() -> passes(start, one));
        var second = pool.submit(() -> passes(start, two));
        assertThat(first.get() + second.get()).as("round %d", round).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many of the page's messages passed the debounce, in one transaction. */
  private long passes(CyclicBarrier start, List<String> threads) throws Exception {
    var page = threads.stream().map(DmDebounceOrderTests::message).toList();
    start.await(10, TimeUnit.SECONDS);
    return transactions.execute(
        s ->
            debounce.applyAll(page, now, ReadAhead.NONE).stream()
                .filter(Optional::isEmpty)
                .count());
  }

  private static Candidate message(String thread) {
    return new Candidate(
            MessageType.DIRECT_MESSAGE,
            Category.DIRECT_MESSAGES,
            new UserId("ada"),
            null,
            null,
            new UserId("bob"),
            null,
            null)
        .inThread(thread);
  }
}
