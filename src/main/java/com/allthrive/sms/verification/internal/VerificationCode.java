package com.allthrive.sms.verification.internal;

import java.util.Objects;

/** A six-digit code; its {@link #toString()} never shows the digits. */
public record VerificationCode(String digits) {

  public static final int LENGTH = 6;

  public VerificationCode {
    Objects.requireNonNull(digits, "digits");
    if (!isWellFormed(digits)) {
      throw new IllegalArgumentException("a verification code has " + LENGTH + " digits");
    }
  }

  public static boolean isWellFormed(String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "******";
  }
}
