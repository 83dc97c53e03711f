package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When to try again after a transient failure: exponential backoff (base, doubled per attempt,
 * capped) with "equal jitter" (half fixed, half random) so a provider outage does not end in a
 * synchronized stampede. Bounded by the attempt budget and by the message's validity: a retry that
 * would fall after the message expired is not planned.
 */
@Component
class RetryPolicy {

  /** The answer after a failed attempt. */
  sealed interface Decision {}

  /** Try again at this instant. */
  record RetryAt(Instant at) implements Decision {}

  /** No more attempts: the message ends in this status (failed, or expired when out of time). */
  record GiveUp(MessageStatus status) implements Decision {}

  private final int maxAttempts;
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  @Autowired
  RetryPolicy(DeliverySettings settings) {
    this(settings.maxAttempts(), settings.retryBaseDelay(), settings.retryMaxDelay(), new Random());
  }

  RetryPolicy(int maxAttempts, Duration base, Duration max, RandomGenerator random) {
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** Decides after attempt number {@code attempts} (1 for the first send) failed transiently. */
  Decision afterTransientFailure(int attempts, Instant now, Instant expiresAt) {
    if (attempts >= maxAttempts) {
      return new GiveUp(MessageStatus.FAILED);
    }
    Instant next = now.plus(backoff(attempts));
    if (!next.isBefore(expiresAt)) {
      return new GiveUp(MessageStatus.EXPIRED);
    }
    return new RetryAt(next);
  }

  /** The wait after the {@code attempt}-th failure: between half and all of the capped doubling. */
  Duration backoff(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 20));
    long millis = Math.min(max.toMillis(), base.toMillis() << doublings);
    long half = millis / 2;
    return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
  }

  int maxAttempts() {
    return maxAttempts;
  }
}
