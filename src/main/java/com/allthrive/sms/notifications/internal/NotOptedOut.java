package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rule 2: a number on the opt-out list gets nothing, security alerts included. */
class NotOptedOut implements Rule {

  private static final Optional<Verdict> NONE = Optional.empty();

  private final SmsPreferences preferences;
  private final OneRoundTrip roundTrip;

  NotOptedOut(SmsPreferences preferences, OneRoundTrip roundTrip) {
    this.preferences = preferences;
    this.roundTrip = roundTrip;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    return preferences.isOptedOut(c.to())
        ? Optional.of(Verdict.skip("opted_out"))
        : Optional.empty();
  }

  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    if (candidates.stream().anyMatch(c -> c.to() == null)) {
      return Rule.super.applyAll(candidates, now, read);
    }
    List<PhoneNumber> numbers = candidates.stream().map(Candidate::to).distinct().toList();
    Set<PhoneNumber> optedOut =
        read.optedOut(numbers).orElseGet(() -> roundTrip.one(preferences.optedOut(numbers)));
    return candidates.stream()
        .map(c -> optedOut.contains(c.to()) ? Optional.of(Verdict.skip("opted_out")) : NONE)
        .toList();
  }
}
