package com.allthrive.sms.preferences.web;

import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.preferences.internal.PreferencesChange;
import com.allthrive.sms.preferences.internal.QuietHoursWindow;
import com.allthrive.sms.shared.ApiProblem;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a PATCH body member by member, checking each JSON type itself, so nothing is coerced:
 * {@code "false"} is not a boolean, duplicate and unknown members are refused. Every problem is
 * collected before anything changes, and any problem refuses the whole request.
 */
final class PreferencesPatch {

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Set<String> READ_ONLY =
      Set.of("phone_number", "phone_verified", "phone_verified_at", "opted_out");

  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<Category, Boolean> categories = new EnumMap<>(Category.class);
  private boolean quietGiven;
  private QuietHoursWindow quiet;
  private ZoneId zone;

  private PreferencesPatch() {}

  static PreferencesChange parse(byte[] body) {
    JsonNode root = read(body);
    if (root.has("allow_sms_security_alerts")) {
      throw ApiProblem.badRequest(
              "security_alerts_not_optional",
              "Security alerts are always sent to a verified number; they cannot be switched.")
          .with("errors", Map.of("allow_sms_security_alerts", "read-only, always true"));
    }
    PreferencesPatch patch = new PreferencesPatch();
    root.properties().forEach(e -> patch.member(e.getKey(), e.getValue()));
    if (!patch.errors.isEmpty()) {
      throw ApiProblem.badRequest(
              "invalid_preferences", "Some fields are invalid; nothing was changed.")
          .with("errors", patch.errors);
    }
    return new PreferencesChange(patch.categories, patch.quietGiven, patch.quiet, patch.zone);
  }

  private static JsonNode read(byte[] body) {
    JsonNode root;
    try {
      root = body == null || body.length == 0 ? null : STRICT.readTree(body);
    } catch (JacksonException e) {
      throw ApiProblem.badRequest(
          "malformed_body", "The body is not valid JSON, or repeats a member.");
    }
    if (root == null || !root.isObject()) {
      throw ApiProblem.badRequest("malformed_body", "The body must be a JSON object.");
    }
    return root;
  }

  private void member(String name, JsonNode value) {
    Category category = category(name);
    if (category != null) {
      if (value.isBoolean()) {
        categories.put(category, value.booleanValue());
      } else {
        errors.put(name, "must be a JSON boolean (true or false)");
      }
    } else if ("quiet_hours".equals(name)) {
      quietHours(value);
    } else if ("timezone".equals(name)) {
      timezone(value);
    } else {
      errors.put(name, READ_ONLY.contains(name) ? "read-only" : "unknown field");
    }
  }

  private void quietHours(JsonNode value) {
    quietGiven = true;
    if (value.isNull()) {
      return;
    }
    if (!value.isObject() || value.size() != 2 || !value.has("start") || !value.has("end")) {
      errors.put("quiet_hours", "must be null or an object with exactly start and end");
      return;
    }
    LocalTime start = time(value.get("start"));
    LocalTime end = time(value.get("end"));
    if (start == null || end == null) {
      errors.put("quiet_hours", "start and end must be strings \"HH:mm\" (00:00 to 23:59)");
    } else if (start.equals(end)) {
      errors.put("quiet_hours", "start and end must differ");
    } else {
      quiet = new QuietHoursWindow(start, end);
    }
  }

  private void timezone(JsonNode value) {
    if (value.isString() && ZoneId.getAvailableZoneIds().contains(value.stringValue())) {
      zone = ZoneId.of(value.stringValue());
    } else {
      errors.put("timezone", "must be an IANA time zone name, e.g. America/New_York");
    }
  }

  private static LocalTime time(JsonNode node) {
    if (!node.isString() || !HH_MM.matcher(node.stringValue()).matches()) {
      return null;
    }
    return LocalTime.parse(node.stringValue());
  }

  private static Category category(String field) {
    for (Category category : Category.values()) {
      if (category.field().equals(field)) {
        return category;
      }
    }
    return null;
  }
}
