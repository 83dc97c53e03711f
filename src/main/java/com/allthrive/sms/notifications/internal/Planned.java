package com.allthrive.sms.notifications.internal;

import java.time.Instant;
import java.util.function.Function;

/**
 * What an event asks of the policy for one recipient: a text to decide on, or a skip known without
 * any rule (the sender of a direct message). The text may depend on when it goes out: now, or at
 * the end of the recipient's quiet hours.
 *
 * @param key the text's key (one cause never yields two messages); null for a skip
 * @param textAt the text for a send time; null for a skip
 * @param skip the reason of a skip known in advance, or null
 */
record Planned(
    Candidate candidate, String key, Function<Instant, OutgoingText> textAt, String skip) {

  static Planned send(Candidate candidate, OutgoingText text) {
    return new Planned(candidate, text.key(), sendAt -> text, null);
  }

  static Planned send(Candidate candidate, String key, Function<Instant, OutgoingText> textAt) {
    return new Planned(candidate, key, textAt, null);
  }

  static Planned skip(Candidate candidate, String reason) {
    return new Planned(candidate, null, null, reason);
  }
}
