package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.Optional;

/** One rule of the notification policy (DESIGN section 3), testable alone. */
interface Rule {

  /** A finding, or empty when the rule has nothing against the message. */
  Optional<Verdict> apply(Candidate candidate, Instant now);

  /**
   * Gives back what {@link #apply} took when it let the message pass (a slot of a limit) because a
   * later rule refused the message after all. Runs in the same transaction.
   */
  default void undo(Candidate candidate, Instant now) {}
}
