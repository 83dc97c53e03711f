package com.allthrive.sms.delivery.provider;

import java.text.Normalizer;

/**
 * Compares the text we sent with the text a provider reports. A Twilio Messaging Service with smart
 * encoding replaces characters (curly quotes, dashes, ellipses) by GSM ones, so only letters and
 * digits, with accents removed, are compared.
 */
final class LookupBodies {

  private LookupBodies() {}

  static boolean sameText(String sent, String reported) {
    if (sent == null || reported == null) {
      return false;
    }
    String a = reduce(sent);
    return !a.isEmpty() && a.equals(reduce(reported));
  }

  private static String reduce(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }
}
