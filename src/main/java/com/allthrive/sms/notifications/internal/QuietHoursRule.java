package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.preferences.SmsPreferences;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 5: during the recipient's quiet hours a message waits for their end, unless it would then be
 * stale (a reminder after its deadline). Security alerts do not wait.
 */
class QuietHoursRule implements Rule {

  private final SmsPreferences preferences;

  QuietHoursRule(SmsPreferences preferences) {
    this.preferences = preferences;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (c.critical() || c.recipient() == null) {
      return Optional.empty();
    }
    Optional<Instant> end = preferences.quietHoursEnd(c.recipient().id(), now);
    if (end.isEmpty()) {
      return Optional.empty();
    }
    if (c.staleAfter() != null && !end.get().isBefore(c.staleAfter())) {
      return Optional.of(Verdict.skip("quiet_hours_expired"));
    }
    return Optional.of(new Verdict.Defer(end.get()));
  }
}
