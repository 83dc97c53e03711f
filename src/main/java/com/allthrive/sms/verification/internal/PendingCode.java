package com.allthrive.sms.verification.internal;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;

/**
 * A user's verification state: the live code, if any (only its HMAC, bound to {@code number}),
 * wrong attempts so far, and the resend streak that sets the cooldown.
 *
 * @param codeId id of the live code, null when none is live
 */
record PendingCode(
    UserId user,
    Long codeId,
    PhoneNumber number,
    String codeHmac,
    Instant expiresAt,
    int attempts,
    int streak,
    Instant lastSentAt,
    Instant resendAvailableAt) {

  boolean isLive() {
    return codeId != null && codeHmac != null;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
