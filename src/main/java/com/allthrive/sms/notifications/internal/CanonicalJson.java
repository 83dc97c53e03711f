package com.allthrive.sms.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A hash of a JSON body that ignores member order and whitespace, so a retried request that
 * serialises the same event differently still counts as the same body.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static String hash(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(out.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      sorted.forEach(
          (k, v) -> {
            out.append(quote(k)).append(':');
            write(v, out);
            out.append(',');
          });
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      node.forEach(
          v -> {
            write(v, out);
            out.append(',');
          });
      out.append(']');
    } else if (node.isString()) {
      quoteValue(node.stringValue(), out);
    } else if (node.isInt() || node.isLong()) {
      out.append(node.longValue());
    } else {
      out.append(node.toString());
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * A string value exactly as {@code node.toString()} writes it (Jackson's default escapes: quote,
   * backslash, the five short control escapes, other controls as a six-character hex escape),
   * without a generator for every value.
   */
  private static void quoteValue(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
