package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Part of rule 1, checked after the opt-out list so a STOP reads as {@code opted_out}: a user's
 * number needs a recorded opt-in (verification or START). No record means no consent.
 */
class ConsentRecorded implements Rule {

  private final SmsPreferences preferences;
  private final OneRoundTrip roundTrip;

  ConsentRecorded(SmsPreferences preferences, OneRoundTrip roundTrip) {
    this.preferences = preferences;
    this.roundTrip = roundTrip;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    return preferences.hasConsent(c.user(), c.to())
        ? Optional.empty()
        : Optional.of(Verdict.skip("no_consent"));
  }

  /** One lookup for the page, unless a user comes with two numbers (then one by one). */
  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    Map<UserId, PhoneNumber> numbers = new HashMap<>();
    for (Candidate c : candidates) {
      PhoneNumber before = c.user() == null ? null : numbers.putIfAbsent(c.user(), c.to());
      if (c.user() == null || c.to() == null || (before != null && !before.equals(c.to()))) {
        return Rule.super.applyAll(candidates, now, read);
      }
    }
    Set<UserId> consenting =
        read.consenting(numbers).orElseGet(() -> roundTrip.one(preferences.withConsent(numbers)));
    return candidates.stream()
        .map(
            c ->
                consenting.contains(c.user())
                    ? Optional.<Verdict>empty()
                    : Optional.of(Verdict.skip("no_consent")))
        .toList();
  }
}
