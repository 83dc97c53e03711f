package com.allthrive.sms.verification.internal;

/** Why a code was not sent or not accepted; {@link #code()} is the problem's stable code. */
public enum Refusal {
  UNKNOWN_USER,
  COUNTRY_NOT_ALLOWED,
  ALREADY_VERIFIED,
  NUMBER_TAKEN,
  NUMBER_OPTED_OUT,
  RESEND_COOLDOWN,
  IP_LIMIT,
  NUMBER_HOURLY_LIMIT,
  USER_DAILY_LIMIT,
  NO_PENDING_CODE,
  CODE_EXPIRED,
  TOO_MANY_ATTEMPTS,
  NUMBER_CHANGED,
  BUDGET_EXHAUSTED;

  public String code() {
    return name().toLowerCase();
  }
}
