package com.allthrive.sms.delivery.internal;

import java.time.Instant;

/**
 * What the dispatch task of a message does after a run: nothing more, or run again at a time. A run
 * that ended with the task's row already removed (by the transaction that recorded the send) leaves
 * nothing for the scheduler to do.
 */
record Next(Instant at, boolean taskEnded) {

  static final Next DONE = new Next(null, false);

  /** Done, and the run's own task row went with the result. */
  static final Next ENDED = new Next(null, true);

  static Next at(Instant when) {
    return new Next(when, false);
  }

  boolean done() {
    return at == null;
  }
}
