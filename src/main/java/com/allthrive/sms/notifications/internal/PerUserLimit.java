package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 6: at most 10 messages per sliding hour and 30 per sliding day per user ({@link
 * UserSmsQuota}), counted on messages accepted for sending (the hits join the deciding
 * transaction). Security alerts are not limited.
 */
class PerUserLimit implements Rule {

  private final UserSmsQuota quota;

  PerUserLimit(UserSmsQuota quota) {
    this.quota = quota;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (c.critical() || c.recipient() == null) {
      return Optional.empty();
    }
    return quota.tryTake(c.recipient().id())
        ? Optional.empty()
        : Optional.of(Verdict.skip("rate_limited"));
  }

  @Override
  public void giveBack(Candidate c, boolean deferred) {
    if (!c.critical() && c.recipient() != null) {
      quota.giveBack(c.recipient().id());
    }
  }
}
