package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;

/**
 * One possible SMS the policy decides on.
 *
 * @param type the message type
 * @param category the preference that governs it; null for security alerts (always on)
 * @param user the recipient user, or null for a raw number (an invitation)
 * @param recipient the recipient's account, or null (a raw number, or a user unknown here)
 * @param to the destination; for an account, its verified number (null when it has none)
 * @param triggeredBy the user who caused it, or null
 * @param staleAfter after this instant the message is pointless (a deadline), or null
 * @param thread the conversation a direct message belongs to (its debounce key), or null
 */
record Candidate(
    MessageType type,
    Category category,
    UserId user,
    Account recipient,
    PhoneNumber to,
    UserId triggeredBy,
    Instant staleAfter,
    String thread) {

  Candidate inThread(String threadId) {
    return new Candidate(type, category, user, recipient, to, triggeredBy, staleAfter, threadId);
  }

  Candidate triggeredBy(UserId sender) {
    return new Candidate(type, category, user, recipient, to, sender, staleAfter, thread);
  }

  boolean directMessage() {
    return type == MessageType.DIRECT_MESSAGE;
  }

  /** Security alerts: ignore category, quiet hours and the per-user limit (never STOP). */
  boolean critical() {
    return type == MessageType.SECURITY_ALERT;
  }

  UserId recipientId() {
    return user;
  }

  /** A message to a raw number rather than to a user (a battle invitation). */
  boolean toRawNumber() {
    return user == null;
  }
}
