package com.allthrive.sms.notifications;

/** Bodies of {@code direct_message.created} events. */
final class DirectMessageFixtures {

  private DirectMessageFixtures() {}

  static String dm(String thread, String message, String sender, String preview, String... to) {
    StringBuilder ids = new StringBuilder();
    for (String id : to) {
      ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
    }
    return "{\"thread_id\":\""
        + thread
        + "\",\"message_id\":\""
        + message
        + "\",\"sender_id\":\""
        + sender
        + "\",\"sender_name\":\"Ada Lovelace\",\"recipient_ids\":["
        + ids
        + "],\"message_preview\":"
        + quote(preview)
        + ",\"thread_url\":\"https://allthrive.ai/messages/"
        + thread
        + "\"}";
  }

  /** A JSON string; control characters and line separators as escapes. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
              } else if (c < 0x20 || c == 0x2028) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.append('"').toString();
  }
}
