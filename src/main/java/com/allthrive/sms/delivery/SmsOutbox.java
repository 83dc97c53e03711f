package com.allthrive.sms.delivery;

import java.util.Optional;

/**
 * Accepts messages for sending. {@link #enqueue} joins the caller's transaction: the log row and
 * its dispatch task commit or roll back with the business decision that caused them.
 */
public interface SmsOutbox {

  /** The log row of an accepted message; {@code created} is false when the key was seen before. */
  record Queued(long messageId, boolean created) {}

  Queued enqueue(OutgoingSms sms);

  /** The id of the message queued under {@code idempotencyKey}, if there is one. */
  Optional<Long> existing(String idempotencyKey);
}
