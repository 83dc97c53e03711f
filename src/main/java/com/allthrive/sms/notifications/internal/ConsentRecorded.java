package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import java.time.Instant;
import java.util.Optional;

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
}
