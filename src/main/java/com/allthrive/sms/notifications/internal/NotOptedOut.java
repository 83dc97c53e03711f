package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rule 2: a number on the opt-out list gets nothing, security alerts included. */
class NotOptedOut implements Rule {

  private static final Optional<Verdict> NONE = Optional.empty();

  private final SmsPreferences preferences;

  NotOptedOut(SmsPreferences preferences) {
    this.preferences = preferences;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    return preferences.isOptedOut(c.to())
        ? Optional.of(Verdict.skip("opted_out"))
        : Optional.empty();
  }

  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now) {
    if (candidates.stream().anyMatch(c -> c.to() == null)) {
      return Rule.super.applyAll(candidates, now);
    }
    Set<PhoneNumber> optedOut =
        preferences.optedOut(candidates.stream().map(Candidate::to).distinct().toList());
    return candidates.stream()
        .map(c -> optedOut.contains(c.to()) ? Optional.of(Verdict.skip("opted_out")) : NONE)
        .toList();
  }
}
