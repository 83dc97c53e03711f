package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.SlidingLimiter;
import com.allthrive.sms.shared.SlidingLimiter.Rate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rule 1 for invitations, which go to a raw number: limited per inviter and per destination over a
 * sliding day, so the platform cannot be used to spam or pump a number. Both limits are taken or
 * neither.
 */
class InvitationLimits implements Rule {

  private static final Duration DAY = Duration.ofDays(1);

  private final SlidingLimiter limiter;
  private final NotificationsSettings settings;

  InvitationLimits(SlidingLimiter limiter, NotificationsSettings settings) {
    this.limiter = limiter;
    this.settings = settings;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    Rate inviter =
        new Rate(
            "invite-from:" + c.triggeredBy().value(), settings.invitationsPerInviterPerDay(), DAY);
    Rate number = new Rate("invite-to:" + c.to().e164(), settings.invitationsPerNumberPerDay(), DAY);
    return limiter
        .tryAcquireAll(List.of(inviter, number))
        .map(refused -> Verdict.skip(refused == inviter ? "inviter_limit" : "destination_limit"));
  }
}
