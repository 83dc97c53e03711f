package com.allthrive.sms.verification.internal;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.WindowCounter;
import com.allthrive.sms.shared.WindowCounter.Limit;
import com.allthrive.sms.verification.VerificationSettings;
import com.allthrive.sms.verification.internal.Outcomes.Caller;
import com.allthrive.sms.verification.internal.Outcomes.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limits on sending codes, against abuse and SMS pumping: a per-user resend cooldown that
 * doubles with each code in a row, then per-IP, per-number and per-user counters. Counters are
 * taken in the caller's transaction, so a request refused later gives its slots back.
 */
@Component
class AbuseLimits {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  private final VerificationSettings settings;
  private final WindowCounter counter;
  private final Clock clock;

  AbuseLimits(VerificationSettings settings, WindowCounter counter, Clock clock) {
    this.settings = settings;
    this.counter = counter;
    this.clock = clock;
  }

  /** Refuses while the previous code's cooldown runs. */
  Optional<Refused> cooldown(Optional<PendingCode> state, Instant now) {
    return state
        .filter(s -> now.isBefore(s.resendAvailableAt()))
        .map(
            s ->
                new Refused(Refusal.RESEND_COOLDOWN, Duration.between(now, s.resendAvailableAt())));
  }

  /**
   * Takes one slot of each counter, broadest first; the first one that is full refuses. All are
   * tried at once, which is safe because the issuing transaction rolls back on a refusal.
   */
  Optional<Refused> take(Caller caller, PhoneNumber number) {
    Map<Limit, Refusal> reasons = new LinkedHashMap<>();
    reasons.put(
        new Limit("verification:ip:" + caller.ip(), settings.ipLimit(), settings.ipWindow()),
        Refusal.IP_LIMIT);
    reasons.put(
        new Limit("verification:number:" + number.e164(), settings.numberHourlyLimit(), HOUR),
        Refusal.NUMBER_HOURLY_LIMIT);
    reasons.put(
        new Limit("verification:user:" + caller.user().value(), settings.userDailyLimit(), DAY),
        Refusal.USER_DAILY_LIMIT);
    return counter
        .tryAcquireAll(List.copyOf(reasons.keySet()))
        .map(full -> new Refused(reasons.get(full.limit()), full.retryAfter(clock.instant())));
  }

  /** The position of a new code in the user's streak: 1 after a quiet spell, else one more. */
  int nextStreak(Optional<PendingCode> state, Instant now) {
    return state
        .filter(s -> s.streak() > 0 && now.isBefore(s.lastSentAt().plus(settings.cooldownReset())))
        .map(s -> s.streak() + 1)
        .orElse(1);
  }

  /** The wait after the {@code streak}-th code in a row: base, 2 x base, 4 x base, ... capped. */
  Duration cooldownAfter(int streak) {
    Duration base = settings.cooldownBase();
    int doublings = Math.min(streak - 1, 30);
    Duration wait = base.multipliedBy(1L << doublings);
    return wait.compareTo(settings.cooldownMax()) > 0 ? settings.cooldownMax() : wait;
  }
}
