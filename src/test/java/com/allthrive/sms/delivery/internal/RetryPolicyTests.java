package com.allthrive.sms.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant FAR = NOW.plus(Duration.ofDays(1));

  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(42));

  @Test
  void doublesTheWaitWithJitterBetweenHalfAndAllOfIt() {
    for (int attempt = 1; attempt <= 5; attempt++) {
      long full = 5_000L << (attempt - 1);

      for (int i = 0; i < 50; i++) {
        assertThat(policy.backoff(attempt).toMillis()).isBetween(full / 2, full);
      }
    }
  }

  @Test
  void neverWaitsLongerThanTheCap() {
    assertThat(policy.backoff(30)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    assertThat(policy.backoff(30)).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void spreadsTheRetriesOfManyMessages() {
    long distinct =
        java.util.stream.IntStream.range(0, 20).mapToObj(i -> policy.backoff(3)).distinct().count();

    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  void retriesUntilTheAttemptsAreUsedUp() {
    assertThat(policy.afterTransientFailure(1, NOW, FAR)).isInstanceOf(RetryPolicy.RetryAt.class);
    assertThat(policy.afterTransientFailure(5, NOW, FAR)).isInstanceOf(RetryPolicy.RetryAt.class);
    assertThat(policy.afterTransientFailure(6, NOW, FAR))
        .isEqualTo(new RetryPolicy.GiveUp(MessageStatus.FAILED));
  }

  @Test
  void plansNoRetryAfterTheMessageExpires() {
    assertThat(policy.afterTransientFailure(1, NOW, NOW.plusSeconds(1)))
        .isEqualTo(new RetryPolicy.GiveUp(MessageStatus.EXPIRED));
    assertThat(policy.afterTransientFailure(1, NOW, NOW.plusSeconds(6)))
        .isInstanceOfSatisfying(
            RetryPolicy.RetryAt.class, r -> assertThat(r.at()).isBefore(NOW.plusSeconds(6)));
  }
}
