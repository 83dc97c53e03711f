package com.allthrive.sms.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form. Its {@link #toString()} is masked so a full number never reaches a
 * log line by accident; {@link #e164()} gives the full value where it is really needed.
 */
public record PhoneNumber(String e164) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

  public PhoneNumber {
    Objects.requireNonNull(e164, "e164");
    if (!E164.matcher(e164).matches()) {
      throw new IllegalArgumentException("not an E.164 number");
    }
  }

  /** The number with all but the country prefix and the last two digits hidden. */
  public String masked() {
    return mask(e164);
  }

  /** Masks any string that may hold a number; null stays null. */
  public static String mask(String value) {
    if (value == null || value.length() <= 4) {
      return value == null ? null : "****";
    }
    int keepHead = value.startsWith("+") ? 2 : 0;
    return value.substring(0, keepHead)
        + "*".repeat(value.length() - keepHead - 2)
        + value.substring(value.length() - 2);
  }

  @Override
  public String toString() {
    return masked();
  }
}
