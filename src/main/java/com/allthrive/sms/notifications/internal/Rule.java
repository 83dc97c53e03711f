package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.Optional;

/** One rule of the notification policy (DESIGN section 3), testable alone. */
interface Rule {

  /** A finding, or empty when the rule has nothing against the message. */
  Optional<Verdict> apply(Candidate candidate, Instant now);

  /**
   * Gives back what {@link #apply} took for a candidate that passed every rule but was not queued
   * after all (the spend cap refused it); {@code deferred} when it was a deferral.
   */
  default void giveBack(Candidate candidate, boolean deferred) {}
}
