package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.support.RequiresPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first committer takes every event; the second helps only once more than a batch (here four
 * events) waits. The first is kept busy by an event waiting on a key the test holds.
 */
@RequiresPostgres
class IntakeCommittersPostgresTests extends PostgresIntakeBase {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sms.notifications.intake-committers", () -> "2");
    registry.add("sms.notifications.intake-batch", () -> "4");
  }

  @Autowired DataSource dataSource;
  @Autowired MeterRegistry meters;

  @Test
  void aSecondTransactionTakesABatchOnlyWhileMoreThanABatchWaits() throws Exception {
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    try (Connection holder = HeldKey.hold(dataSource)) {
      var first = pool.submit(() -> http.event(HeldKey.KEY, "achievement.unlocked", event(0)));
      await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 0 && HeldKey.awaited(jdbc));
      for (int i = 1; i <= 5; i++) {
        int n = i;
        sent.add(pool.submit(() -> http.event("achievement.unlocked", event(n))));
        await().atMost(Duration.ofSeconds(20)).until(() -> answered(sent) + waiting() == n);
      }

      await().atMost(Duration.ofSeconds(20)).until(() -> answered(sent) == 4);
      assertThat(waiting())
          .as("one event left, fewer than a batch: it waits for the first")
          .isOne();
      assertThat(first).isNotDone();
      holder.rollback();
      assertThat(first.get().statusCode()).isEqualTo(202);
    }
    for (var answer : sent) {
      assertThat(answer.get().statusCode()).isEqualTo(202);
    }
    assertThat(jdbc.sql("select count(*) from platform_event").query(Long.class).single())
        .isEqualTo(6);
  }

  private static long answered(List<Future<HttpResponse<String>>> sent) {
    return sent.stream().filter(Future::isDone).count();
  }

  private double waiting() {
    return HeldKey.waiting(meters);
  }

  private static String event(int n) {
    return "{\"user_id\":\"nobody"
        + n
        + "\",\"achievement_id\":\"x\",\"achievement_name\":\"X\",\"points\":1}";
  }
}
