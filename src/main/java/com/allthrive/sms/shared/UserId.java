package com.allthrive.sms.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/** The platform's id of a user: an opaque string (numbers and UUIDs both fit). */
public record UserId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

  public UserId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException("user id must be 1-64 characters of [A-Za-z0-9_.:@-]");
    }
  }

  public static boolean isValid(String value) {
    return value != null && ALLOWED.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
