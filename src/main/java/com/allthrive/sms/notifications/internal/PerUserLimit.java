package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.WindowCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 6: at most 10 messages an hour and 30 a day per user, counted on messages accepted for
 * sending (the counters join the deciding transaction). Security alerts are not limited.
 */
class PerUserLimit implements Rule {

  static final int PER_HOUR = 10;
  static final int PER_DAY = 30;

  private final WindowCounter counter;

  PerUserLimit(WindowCounter counter) {
    this.counter = counter;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (c.critical() || c.recipient() == null) {
      return Optional.empty();
    }
    String user = c.recipient().id().value();
    if (!counter.tryAcquire("user-hour:" + user, PER_HOUR, Duration.ofHours(1)).allowed()) {
      return Optional.of(Verdict.skip("rate_limited"));
    }
    if (!counter.tryAcquire("user-day:" + user, PER_DAY, Duration.ofDays(1)).allowed()) {
      counter.release("user-hour:" + user, Duration.ofHours(1));
      return Optional.of(Verdict.skip("rate_limited"));
    }
    return Optional.empty();
  }
}
