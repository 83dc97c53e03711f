package com.allthrive.sms.delivery.internal;

import java.time.Instant;

/** What the dispatch task of a message does after a run: nothing more, or run again at a time. */
record Next(Instant at) {

  static final Next DONE = new Next(null);

  static Next at(Instant when) {
    return new Next(when);
  }

  boolean done() {
    return at == null;
  }
}
