package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.WindowCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 1 for invitations, which go to a raw number: limited per inviter and per destination, so the
 * platform cannot be used to spam or pump a number.
 */
class InvitationLimits implements Rule {

  private static final Duration DAY = Duration.ofDays(1);

  private final WindowCounter counter;
  private final NotificationsSettings settings;

  InvitationLimits(WindowCounter counter, NotificationsSettings settings) {
    this.counter = counter;
    this.settings = settings;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    String inviter = "invite-from:" + c.triggeredBy().value();
    if (!counter.tryAcquire(inviter, settings.invitationsPerInviterPerDay(), DAY).allowed()) {
      return Optional.of(Verdict.skip("inviter_limit"));
    }
    String number = "invite-to:" + c.to().e164();
    if (!counter.tryAcquire(number, settings.invitationsPerNumberPerDay(), DAY).allowed()) {
      counter.release(inviter, DAY);
      return Optional.of(Verdict.skip("destination_limit"));
    }
    return Optional.empty();
  }
}
