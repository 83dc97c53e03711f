package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;

/** A user as this service knows them. {@code phoneNumber} may be null; verified only if set. */
public record Account(
    UserId id,
    String username,
    String displayName,
    ZoneId timezone,
    PhoneNumber phoneNumber,
    boolean phoneVerified,
    Instant phoneVerifiedAt) {

  /** The number to text, only when it is verified. */
  public boolean hasVerifiedPhone() {
    return phoneNumber != null && phoneVerified;
  }
}
