package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.PhoneNumber;

/** Cancels messages that wait to be sent. */
public interface SmsCancellations {

  /**
   * Cancels every message to {@code to} that is pending or deferred, in the caller's transaction,
   * with {@code reason}; publishes {@link SmsStatusChanged} and {@link SmsCanceled} for each. A
   * message already handed to the provider is not affected. Returns how many were canceled.
   */
  int cancelWaitingTo(PhoneNumber to, String reason);
}
