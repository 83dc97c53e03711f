package com.allthrive.sms.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form. Its {@link #toString()} is masked so a full number never reaches a
 * log line by accident; {@link #e164()} gives the full value where it is really needed.
 */
public record PhoneNumber(String e164) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{7,15}");

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

  /**
   * A free text (a provider's error message, an exception's) with every run of seven or more digits
   * masked, so a number quoted in it never reaches a log line; null stays null.
   */
  public static String maskNumbersIn(String text) {
    return text == null ? null : DIGIT_RUN.matcher(text).replaceAll(m -> mask(m.group()));
  }

  @Override
  public String toString() {
    return masked();
  }
}
