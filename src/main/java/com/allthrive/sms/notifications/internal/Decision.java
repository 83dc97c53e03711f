package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.Outcome;
import com.allthrive.sms.shared.UserId;

/** The policy's answer for one recipient, as the events API reports it. */
public record Decision(String userId, String outcome, String reason, Long messageId) {

  static Decision of(UserId user, Outcome outcome, String reason, Long messageId) {
    return new Decision(user == null ? null : user.value(), outcome.code(), reason, messageId);
  }
}
