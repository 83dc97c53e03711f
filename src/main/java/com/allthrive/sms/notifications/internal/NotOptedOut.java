package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import java.time.Instant;
import java.util.Optional;

/** Rule 2: a number on the opt-out list gets nothing, security alerts included. */
class NotOptedOut implements Rule {

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
}
