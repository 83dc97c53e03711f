package com.allthrive.sms.delivery.web;

import java.util.Optional;

/** TwiML answers to an inbound SMS: one reply message, or nothing. */
final class Twiml {

  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private Twiml() {}

  static String reply(Optional<String> text) {
    return text.filter(t -> !t.isBlank())
        .map(t -> PROLOG + "<Response><Message>" + escape(t) + "</Message></Response>")
        .orElse(PROLOG + "<Response/>");
  }

  /** Escapes XML's special characters and drops characters XML 1.0 does not allow. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> append(out, c));
    return out.toString();
  }

  private static boolean allowed(int c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c < 0xD800)
        || (c > 0xDFFF && c < 0xFFFE)
        || c >= 0x10000;
  }

  private static void append(StringBuilder out, int c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&apos;");
      default -> {
        if (allowed(c)) {
          out.appendCodePoint(c);
        }
      }
    }
  }
}
