package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule 5: during the recipient's quiet hours a message waits for their end, unless it would then be
 * stale (a reminder after its deadline). Security alerts do not wait.
 */
class QuietHoursRule implements Rule {

  private final SmsPreferences preferences;
  private final OneRoundTrip roundTrip;

  QuietHoursRule(SmsPreferences preferences, OneRoundTrip roundTrip) {
    this.preferences = preferences;
    this.roundTrip = roundTrip;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (!applies(c)) {
      return Optional.empty();
    }
    return verdict(c, preferences.quietHoursEnd(c.recipient().id(), now));
  }

  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    List<UserId> users =
        candidates.stream()
            .filter(QuietHoursRule::applies)
            .map(c -> c.recipient().id())
            .distinct()
            .toList();
    Map<UserId, Instant> ends =
        read.quietHoursEnds(users, now)
            .orElseGet(() -> roundTrip.one(preferences.quietHoursEnds(users, now)));
    return candidates.stream()
        .map(
            c ->
                applies(c)
                    ? verdict(c, Optional.ofNullable(ends.get(c.recipient().id())))
                    : Optional.<Verdict>empty())
        .toList();
  }

  private static boolean applies(Candidate c) {
    return !c.critical() && c.recipient() != null;
  }

  private static Optional<Verdict> verdict(Candidate c, Optional<Instant> end) {
    if (end.isEmpty()) {
      return Optional.empty();
    }
    if (c.staleAfter() != null && !end.get().isBefore(c.staleAfter())) {
      return Optional.of(Verdict.skip("quiet_hours_expired"));
    }
    return Optional.of(new Verdict.Defer(end.get()));
  }
}
