package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.UserId;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed members of an event's {@code data} (or of a request body), answering 400 with the
 * member's full path, e.g. {@code data.participants[0].user_id}, in the detail and in the {@code
 * field} member.
 */
final class Fields {

  private final JsonNode data;
  private final String path;
  private final String code;

  Fields(JsonNode data) {
    this(data, "data", "invalid_event");
  }

  /** {@code path} names this object ("" for a request body, whose members go by their name). */
  private Fields(JsonNode data, String path, String code) {
    this.path = path;
    this.code = code;
    if (data == null || !data.isObject()) {
      String self = path.isEmpty() ? "body" : path;
      throw ApiProblem.badRequest(code, self + " must be an object.").with("field", self);
    }
    this.data = data;
  }

  /** The members of a request body (not an event's data): problems carry {@code code}. */
  static Fields body(JsonNode body, String code) {
    return new Fields(body, "", code);
  }

  /** User ids, as strings or integers, in an array of {@code min} to {@code max} items. */
  java.util.List<UserId> userIds(String name, int min, int max) {
    JsonNode value = data.get(name);
    if (value == null || !value.isArray() || value.size() < min || value.size() > max) {
      throw problem(name, "must be an array of " + min + " to " + max + " user ids");
    }
    java.util.List<UserId> ids = new java.util.ArrayList<>(value.size());
    for (JsonNode item : value) {
      String raw =
          item.isIntegralNumber() ? item.asString() : item.isString() ? item.stringValue() : null;
      if (!UserId.isValid(raw)) {
        throw problem(name, "must hold user ids of 1-64 characters of [A-Za-z0-9_.:@-]");
      }
      ids.add(new UserId(raw));
    }
    return ids;
  }

  /** An ISO-8601 instant with an offset, e.g. {@code 2026-03-10T18:00:00Z}. */
  java.time.Instant instant(String name) {
    String raw = text(name, 64);
    try {
      return java.time.OffsetDateTime.parse(raw).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw problem(name, "must be an ISO-8601 date-time with an offset");
    }
  }

  /** A problem about the member {@code name} of this object. */
  ApiProblem problem(String name, String message) {
    String field = member(name);
    return ApiProblem.badRequest(code, field + " " + message + ".").with("field", field);
  }

  private String member(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  String text(String name, int maxLength) {
    JsonNode value = data.get(name);
    if (value == null || !value.isString() || value.stringValue().isBlank()) {
      throw problem(name, "is required and must be a non-empty string");
    }
    if (value.stringValue().length() > maxLength) {
      throw problem(name, "must be at most " + maxLength + " characters");
    }
    return value.stringValue();
  }

  /** An id the platform may send as a string or an integer. */
  String id(String name) {
    JsonNode value = data.get(name);
    if (value != null && value.isIntegralNumber()) {
      return value.asString();
    }
    return text(name, 64);
  }

  UserId userId(String name) {
    String raw = id(name);
    if (!UserId.isValid(raw)) {
      throw problem(name, "is not a valid user id");
    }
    return new UserId(raw);
  }

  /** An optional user id: absent or null gives null. */
  UserId optionalUserId(String name) {
    JsonNode value = data.get(name);
    return value == null || value.isNull() ? null : userId(name);
  }

  boolean bool(String name) {
    JsonNode value = data.get(name);
    if (value == null || !value.isBoolean()) {
      throw problem(name, "is required and must be true or false");
    }
    return value.booleanValue();
  }

  int integer(String name, int min, int max) {
    JsonNode value = data.get(name);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < min
        || value.intValue() > max) {
      throw problem(name, "must be an integer from " + min + " to " + max);
    }
    return value.intValue();
  }

  /** The objects of an array member, each readable as fields. */
  java.util.List<Fields> objects(String name, int min, int max) {
    JsonNode value = data.get(name);
    if (value == null || !value.isArray() || value.size() < min || value.size() > max) {
      throw problem(name, "must be an array of " + min + " to " + max + " objects");
    }
    java.util.List<Fields> items = new java.util.ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new Fields(value.get(i), member(name) + "[" + i + "]", code));
    }
    return items;
  }

  String url(String name) {
    String raw = text(name, 500);
    try {
      URI uri = URI.create(raw);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri.toString();
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw problem(name, "must be an absolute http(s) URL");
  }

  /** A problem about a member of an event's top-level {@code data} object. */
  static ApiProblem invalidData(String name, String message) {
    return ApiProblem.badRequest("invalid_event", "data." + name + " " + message + ".")
        .with("field", "data." + name);
  }
}
