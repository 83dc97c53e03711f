package com.allthrive.sms.notifications.internal;

import java.util.regex.Pattern;

/**
 * Cleans user-supplied values before they enter a message: control characters and line breaks
 * removed, whitespace collapsed, length capped in Unicode code points (a surrogate pair is never
 * split) with {@code ...} (three GSM-7 dots, not the one-character ellipsis that would force
 * UCS-2).
 */
final class Texts {

  private Texts() {}

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  static String clean(String value, int maxCodePoints) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .map(
            cp ->
                Character.isISOControl(cp)
                        || Character.getType(cp) == Character.LINE_SEPARATOR
                        || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                    ? ' '
                    : cp)
        .filter(cp -> Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    String collapsed = WHITESPACE.matcher(out).replaceAll(" ").strip();
    return truncate(collapsed, maxCodePoints);
  }

  static final String MORE = "...";

  /** At most {@code maxCodePoints} code points, {@code ...} included when it had to be cut. */
  static String truncate(String value, int maxCodePoints) {
    if (value.codePointCount(0, value.length()) <= maxCodePoints) {
      return value;
    }
    if (maxCodePoints <= MORE.length()) {
      return MORE.substring(0, Math.max(0, maxCodePoints));
    }
    int end = value.offsetByCodePoints(0, maxCodePoints - MORE.length());
    return value.substring(0, end).stripTrailing() + MORE;
  }

  /**
   * A message preview as the plan words it: cleaned, then at most {@code maxCodePoints} code points
   * followed by {@code ...} when it was longer; a surrogate pair (an emoji) is never split.
   */
  static String preview(String value, int maxCodePoints) {
    String cleaned = clean(value, Integer.MAX_VALUE);
    if (cleaned.codePointCount(0, cleaned.length()) <= maxCodePoints) {
      return cleaned;
    }
    return cleaned.substring(0, cleaned.offsetByCodePoints(0, maxCodePoints)).stripTrailing()
        + "...";
  }
}
