package com.allthrive.sms.accounts.web;

import com.allthrive.sms.accounts.Account;
import java.time.Instant;

record AccountView(
    String userId,
    String username,
    String displayName,
    String timezone,
    String phoneNumber,
    boolean phoneVerified,
    Instant phoneVerifiedAt) {

  static AccountView of(Account a) {
    return new AccountView(
        a.id().value(),
        a.username(),
        a.displayName(),
        a.timezone().getId(),
        a.phoneNumber() == null ? null : a.phoneNumber().e164(),
        a.phoneVerified(),
        a.phoneVerifiedAt());
  }
}
