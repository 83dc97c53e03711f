package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.UserId;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed members of an event's {@code data}, answering 400 with the member's full path, e.g.
 * {@code data.participants[0].user_id}, in the detail and in the {@code field} member.
 */
final class Fields {

  private final JsonNode data;
  private final String path;

  Fields(JsonNode data) {
    this(data, "data");
  }

  private Fields(JsonNode data, String path) {
    this.path = path;
    if (data == null || !data.isObject()) {
      throw problem(path, "must be an object");
    }
    this.data = data;
  }

  String text(String name, int maxLength) {
    JsonNode value = data.get(name);
    if (value == null || !value.isString() || value.stringValue().isBlank()) {
      throw invalid(name, "is required and must be a non-empty string");
    }
    if (value.stringValue().length() > maxLength) {
      throw invalid(name, "must be at most " + maxLength + " characters");
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
      throw invalid(name, "is not a valid user id");
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
      throw invalid(name, "is required and must be true or false");
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
      throw invalid(name, "must be an integer from " + min + " to " + max);
    }
    return value.intValue();
  }

  /** The objects of an array member, each readable as fields. */
  java.util.List<Fields> objects(String name, int min, int max) {
    JsonNode value = data.get(name);
    if (value == null || !value.isArray() || value.size() < min || value.size() > max) {
      throw invalid(name, "must be an array of " + min + " to " + max + " objects");
    }
    java.util.List<Fields> items = new java.util.ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new Fields(value.get(i), path + "." + name + "[" + i + "]"));
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
    throw invalid(name, "must be an absolute http(s) URL");
  }

  /** A problem about the member {@code name} of this object. */
  ApiProblem invalid(String name, String message) {
    return problem(path + "." + name, message);
  }

  /** A problem about a member of the top-level {@code data} object. */
  static ApiProblem invalidData(String name, String message) {
    return problem("data." + name, message);
  }

  private static ApiProblem problem(String path, String message) {
    return ApiProblem.badRequest("invalid_event", path + " " + message + ".").with("field", path);
  }
}
