package com.allthrive.sms.delivery;

/**
 * How carriers count a text: GSM-7 when every character is in the GSM 03.38 alphabet (extension
 * characters take two septets), otherwise UCS-2 counted in UTF-16 code units (an emoji takes two).
 * One segment holds 160 septets or 70 units; a multipart segment 153 septets or 67 units, and a
 * segment never splits an escape sequence or a surrogate pair.
 */
public record Segments(int count, Encoding encoding) {

  /** The two encodings carriers use for SMS. */
  public enum Encoding {
    GSM7,
    UCS2;

    public String code() {
      return this == GSM7 ? "GSM-7" : "UCS-2";
    }
  }

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";

  public static Segments of(String text) {
    if (text.isEmpty()) {
      return new Segments(0, Encoding.GSM7);
    }
    return isGsm7(text) ? gsm(text) : ucs2(text);
  }

  public static boolean isGsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Segments gsm(String text) {
    int[] sizes = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      sizes[i] = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    return new Segments(pack(sizes, 160, 153), Encoding.GSM7);
  }

  private static Segments ucs2(String text) {
    int[] sizes = text.codePoints().map(Character::charCount).toArray();
    return new Segments(pack(sizes, 70, 67), Encoding.UCS2);
  }

  private static int pack(int[] sizes, int single, int multi) {
    int total = 0;
    for (int size : sizes) {
      total += size;
    }
    if (total <= single) {
      return 1;
    }
    int segments = 1;
    int used = 0;
    for (int size : sizes) {
      if (used + size > multi) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return segments;
  }
}
