package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One rule of the notification policy (DESIGN section 3), testable alone. */
interface Rule {

  /** A finding, or empty when the rule has nothing against the message. */
  Optional<Verdict> apply(Candidate candidate, Instant now);

  /**
   * {@link #apply} for a page of candidates, one finding each, in order, with the same findings as
   * one by one. A rule that reads the database overrides it to read the page at once, taking what
   * was read ahead about the page ({@link ReadAhead}; {@link ReadAhead#NONE} for nothing) and
   * reading the rest itself.
   */
  default List<Optional<Verdict>> applyAll(
      List<Candidate> candidates, Instant now, ReadAhead read) {
    List<Optional<Verdict>> verdicts = new ArrayList<>(candidates.size());
    candidates.forEach(c -> verdicts.add(apply(c, now)));
    return verdicts;
  }

  /**
   * Gives back what {@link #apply} took when it let the message pass (a slot of a limit, a debounce
   * slot) because the message was not accepted after all: a later rule refused it, or the spend cap
   * did. Runs in the same transaction; {@code deferred} when the message was a deferral.
   */
  default void giveBack(Candidate candidate, Instant now, boolean deferred) {}
}
