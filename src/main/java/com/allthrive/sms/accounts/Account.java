package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A user as this service knows them. {@code phoneNumber} may be null; verified only if set. {@code
 * pendingPhone} is a number a code was asked for and not yet verified, or null; it takes over only
 * once verified.
 */
public record Account(
    UserId id,
    String username,
    String displayName,
    ZoneId timezone,
    PhoneNumber phoneNumber,
    boolean phoneVerified,
    Instant phoneVerifiedAt,
    PhoneNumber pendingPhone) {

  /** The number to text, only when it is verified. */
  public boolean hasVerifiedPhone() {
    return phoneNumber != null && phoneVerified;
  }
}
