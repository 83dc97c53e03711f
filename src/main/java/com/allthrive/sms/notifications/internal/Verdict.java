package com.allthrive.sms.notifications.internal;

import java.time.Instant;

/** A rule's finding: skip the message, or send it no earlier than a given time. */
sealed interface Verdict permits Verdict.Skip, Verdict.Defer {

  /** Do not send; {@code reason} is recorded with the decision. */
  record Skip(String reason) implements Verdict {}

  /** Send at {@code until} (the end of quiet hours). */
  record Defer(Instant until) implements Verdict {}

  static Verdict skip(String reason) {
    return new Skip(reason);
  }
}
