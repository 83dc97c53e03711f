package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
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

  ConsentRecorded(SmsPreferences preferences) {
    this.preferences = preferences;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    return preferences.hasConsent(c.user(), c.to())
        ? Optional.empty()
        : Optional.of(Verdict.skip("no_consent"));
  }

  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now) {
    Map<UserId, PhoneNumber> numbers = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.user() == null || c.to() == null || numbers.putIfAbsent(c.user(), c.to()) != null) {
        return Rule.super.applyAll(candidates, now);
      }
    }
    Set<UserId> consenting = preferences.withConsent(numbers);
    return candidates.stream()
        .map(
            c ->
                consenting.contains(c.user())
                    ? Optional.<Verdict>empty()
                    : Optional.of(Verdict.skip("no_consent")))
        .toList();
  }
}
