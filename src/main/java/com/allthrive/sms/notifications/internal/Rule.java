package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.Optional;

/** One rule of the notification policy (DESIGN section 3), testable alone. */
interface Rule {

  /** A finding, or empty when the rule has nothing against the message. */
  Optional<Verdict> apply(Candidate candidate, Instant now);
}
