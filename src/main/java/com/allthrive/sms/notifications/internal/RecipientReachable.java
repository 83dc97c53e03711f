package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.Optional;

/** Rule 1: only a known user with a verified number can be texted. */
class RecipientReachable implements Rule {

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (c.recipient() == null) {
      return Optional.of(Verdict.skip("unknown_recipient"));
    }
    if (c.recipient().phoneNumber() == null) {
      return Optional.of(Verdict.skip("no_phone"));
    }
    if (!c.recipient().phoneVerified()) {
      return Optional.of(Verdict.skip("not_verified"));
    }
    return Optional.empty();
  }
}
