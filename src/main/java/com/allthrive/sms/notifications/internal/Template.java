package com.allthrive.sms.notifications.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A message text as fixed parts (the plan's words, links) and user-supplied parts (names, previews,
 * titles, topics, details), each with the plan's limit in code points. Only user parts are ever
 * cleaned, smart-encoded or shortened ({@link TextFitter}); fixed parts go out as written.
 */
record Template(List<Part> parts) {

  /** One piece of a text. */
  sealed interface Part permits Fixed, User {}

  /** Words of the plan or a link: never changed. */
  record Fixed(String text) implements Part {}

  /** A value a user typed, capped at {@code limit} code points by the plan. */
  record User(String value, int limit) implements Part {}

  Template {
    parts = List.copyOf(parts);
  }

  static Template fixed(String text) {
    return new Template(List.of(new Fixed(text)));
  }

  static Builder builder() {
    return new Builder();
  }

  /** This text between two fixed texts. */
  Template wrap(String before, String after) {
    List<Part> all = new ArrayList<>();
    all.add(new Fixed(before));
    all.addAll(parts);
    all.add(new Fixed(after));
    return new Template(all);
  }

  /** The text with every part as it is. */
  String render() {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      out.append(p instanceof Fixed f ? f.text() : ((User) p).value());
    }
    return out.toString();
  }

  /** Builds a template part by part. */
  static final class Builder {
    private final List<Part> parts = new ArrayList<>();

    Builder fixed(String text) {
      parts.add(new Fixed(text));
      return this;
    }

    Builder user(String value, int limit) {
      parts.add(new User(value == null ? "" : value, limit));
      return this;
    }

    Template build() {
      return new Template(parts);
    }
  }
}
