package com.allthrive.sms.shared;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The per-user SMS limit of DESIGN section 3 rule 6: 10 texts per sliding hour and 30 per sliding
 * day ({@link SlidingLimiter}). Taken by the policy when a message is accepted for sending now, or
 * at send time for a deferred one; read by the preferences answer.
 */
@Component
public class UserSmsQuota {

  public static final int PER_HOUR = 10;
  public static final int PER_DAY = 30;

  /** What the user may still receive now. */
  public record Remaining(int thisHour, int today) {}

  private final SlidingLimiter limiter;

  UserSmsQuota(SlidingLimiter limiter) {
    this.limiter = limiter;
  }

  /** Takes one text of both limits, or neither; false when either is used up. */
  public boolean tryTake(UserId user) {
    return limiter.tryAcquireAll(rates(user)).isEmpty();
  }

  /**
   * {@link #tryTake} for each of {@code users} in turn, in one go where the database allows: for
   * each, whether it took its text (a user named twice takes two).
   */
  public List<Boolean> tryTakeEach(List<UserId> users) {
    return limiter.tryAcquireEach(users.stream().map(UserSmsQuota::rates).toList()).stream()
        .map(Optional::isEmpty)
        .toList();
  }

  /** Gives back a text taken for a message that is not sent after all. */
  public void giveBack(UserId user) {
    limiter.release(rates(user));
  }

  public Remaining remaining(UserId user) {
    List<SlidingLimiter.Rate> rates = rates(user);
    return new Remaining(limiter.remaining(rates.get(0)), limiter.remaining(rates.get(1)));
  }

  private static List<SlidingLimiter.Rate> rates(UserId user) {
    return List.of(
        new SlidingLimiter.Rate("user-hour:" + user.value(), PER_HOUR, Duration.ofHours(1)),
        new SlidingLimiter.Rate("user-day:" + user.value(), PER_DAY, Duration.ofDays(1)));
  }
}
