package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.SlidingLimiter;
import com.allthrive.sms.shared.SlidingLimiter.Rate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    List<Rate> rates = rates(c);
    return limiter.tryAcquireAll(rates).map(refused -> verdict(rates, refused));
  }

  /** Every candidate's two limits in one statement ({@link SlidingLimiter#tryAcquireEach}). */
  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    List<List<Rate>> groups = candidates.stream().map(this::rates).toList();
    List<Optional<Rate>> refusals = limiter.tryAcquireEach(groups);
    List<Optional<Verdict>> verdicts = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      List<Rate> rates = groups.get(i);
      verdicts.add(refusals.get(i).map(refused -> verdict(rates, refused)));
    }
    return verdicts;
  }

  private static Verdict verdict(List<Rate> rates, Rate refused) {
    return Verdict.skip(refused == rates.get(0) ? "inviter_limit" : "destination_limit");
  }

  @Override
  public void giveBack(Candidate c, Instant now, boolean deferred) {
    limiter.release(rates(c));
  }

  private List<Rate> rates(Candidate c) {
    return List.of(
        new Rate(
            "invite-from:" + c.triggeredBy().value(), settings.invitationsPerInviterPerDay(), DAY),
        new Rate("invite-to:" + c.to().e164(), settings.invitationsPerNumberPerDay(), DAY));
  }
}
