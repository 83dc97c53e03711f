package com.allthrive.sms.delivery.web;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.internal.MessageQueries;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.PhoneNumbers;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The query parameters of an SMS log listing: {@code status}, {@code message_type}, {@code
 * user_id}, {@code phone_number} (the full number; the listing shows it masked), {@code from} and
 * {@code to} (ISO-8601 instants, {@code from} inclusive, {@code to} exclusive), {@code page} (from
 * 0) and {@code size} (1-200, default 50). A bad value is a 400 problem with code {@code
 * invalid_filter}.
 */
record ListParams(MessageQueries.Filter filter, int page, int size) {

  static final int MAX_SIZE = 200;
  static final int DEFAULT_SIZE = 50;

  static ListParams parse(Map<String, String> query, UserId forcedUser) {
    Instant from = instant(query, "from");
    Instant to = instant(query, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw invalid("from must be before to");
    }
    UserId user = forcedUser != null ? forcedUser : user(query.get("user_id"));
    var filter =
        new MessageQueries.Filter(
            parse(query, "status", MessageStatus::fromCode),
            parse(query, "message_type", MessageType::fromCode),
            user,
            number(query.get("phone_number")),
            from,
            to);
    int page = number(query, "page", 0);
    int size = number(query, "size", DEFAULT_SIZE);
    if (page < 0 || page > 1_000_000) {
      throw invalid("page must be between 0 and 1000000");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw invalid("size must be between 1 and " + MAX_SIZE);
    }
    return new ListParams(filter, page, size);
  }

  private static <T> T parse(
      Map<String, String> query, String name, java.util.function.Function<String, T> parser) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return parser.apply(raw.trim());
    } catch (IllegalArgumentException e) {
      throw invalid(name + ": unknown value");
    }
  }

  private static PhoneNumber number(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.startsWith(" ") ? "+" + raw.strip() : raw.strip();
    return PhoneNumbers.require("phone_number", value).number();
  }

  private static UserId user(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!UserId.isValid(raw.trim())) {
      throw invalid("user_id: not a valid user id");
    }
    return new UserId(raw.trim());
  }

  private static Instant instant(Map<String, String> query, String name) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(name + ": expected an ISO-8601 instant such as 2025-01-31T12:00:00Z");
    }
  }

  private static int number(Map<String, String> query, String name, int fallback) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(name + ": expected a whole number");
    }
  }

  private static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid_filter", detail);
  }
}
