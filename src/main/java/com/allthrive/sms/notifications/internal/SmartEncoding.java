package com.allthrive.sms.notifications.internal;

import java.util.Map;

/**
 * Replaces Unicode look-alikes with their GSM-7 equivalents, as Twilio's "Smart Encoding" does:
 * curly quotes, primes and guillemets, dashes and the minus sign, the ellipsis, non-breaking and
 * other typographic spaces, bullets. One such character would otherwise turn a whole text into
 * UCS-2 (70 characters a segment instead of 160). Applied to user-supplied parts only, never to the
 * plan's fixed words or a verification code.
 */
final class SmartEncoding {

  private static final Map<Integer, String> LOOK_ALIKES =
      Map.ofEntries(
          Map.entry(0x2018, "'"),
          Map.entry(0x2019, "'"),
          Map.entry(0x201A, "'"),
          Map.entry(0x201B, "'"),
          Map.entry(0x2032, "'"),
          Map.entry(0x02BC, "'"),
          Map.entry(0x201C, "\""),
          Map.entry(0x201D, "\""),
          Map.entry(0x201E, "\""),
          Map.entry(0x201F, "\""),
          Map.entry(0x2033, "\""),
          Map.entry(0x00AB, "\""),
          Map.entry(0x00BB, "\""),
          Map.entry(0x2039, "<"),
          Map.entry(0x203A, ">"),
          Map.entry(0x2010, "-"),
          Map.entry(0x2011, "-"),
          Map.entry(0x2012, "-"),
          Map.entry(0x2013, "-"),
          Map.entry(0x2014, "-"),
          Map.entry(0x2015, "-"),
          Map.entry(0x2212, "-"),
          Map.entry(0x2026, "..."),
          Map.entry(0x2022, "*"),
          Map.entry(0x00B7, "*"),
          Map.entry(0x00A0, " "),
          Map.entry(0x2007, " "),
          Map.entry(0x2009, " "),
          Map.entry(0x200A, " "),
          Map.entry(0x202F, " "),
          Map.entry(0x205F, " "),
          Map.entry(0x3000, " "));

  private SmartEncoding() {}

  static String apply(String value) {
    if (value.chars().allMatch(c -> c < 0x00A0)) {
      return value; // every look-alike is above Latin-1's controls
    }
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            cp -> {
              String replacement = LOOK_ALIKES.get(cp);
              if (replacement != null) {
                out.append(replacement);
              } else if (cp >= 0x2000 && cp <= 0x2006) {
                out.append(' ');
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
