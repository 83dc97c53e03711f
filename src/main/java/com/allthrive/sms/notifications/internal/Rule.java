package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.Optional;

/** One rule of the notification policy (DESIGN section 3), testable alone. */
interface Rule {

  /** A finding, or empty when the rule has nothing against the message. */
  Optional<Verdict> apply(Candidate candidate, Instant now);

  /**
   * Gives back what {@link #apply} took when it let the message pass (a slot of a limit, a debounce
   * slot) because the message was not accepted after all: a later rule refused it, or the spend cap
   * did. Runs in the same transaction; {@code deferred} when the message was a deferral.
   */
  default void giveBack(Candidate candidate, Instant now, boolean deferred) {}
}
