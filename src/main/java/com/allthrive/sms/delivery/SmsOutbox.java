package com.allthrive.sms.delivery;

import java.util.Optional;

/**
 * Accepts messages for sending. {@link #enqueue} joins the caller's transaction: the log row and
 * its dispatch task commit or roll back with the business decision that caused them.
 */
public interface SmsOutbox {

  /**
   * The log row of an accepted message; {@code created} is false when the key was seen before.
   * {@code overBudget}: the day's spend cap refused the message and nothing was written (no id).
   */
  record Queued(long messageId, boolean created, boolean overBudget) {

    public Queued(long messageId, boolean created) {
      this(messageId, created, false);
    }

    public static Queued refusedOverBudget() {
      return new Queued(0, false, true);
    }
  }

  Queued enqueue(OutgoingSms sms);

  /** The id of the message queued under {@code idempotencyKey}, if there is one. */
  Optional<Long> existing(String idempotencyKey);
}
