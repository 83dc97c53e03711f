package com.allthrive.sms.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule every message must still pass at the moment it is sent, contributed as a bean by the
 * module that owns the data it reads. Delivery folds all of them into the one statement that claims
 * a message for sending: a message that fails one ends {@link MessageStatus#CANCELED} with the
 * {@code reason} of the first failing condition (lowest {@code precedence}) and never reaches the
 * provider.
 *
 * @param reason the stable reason code recorded on a canceled message, e.g. {@code opted_out}
 * @param precedence lower is checked first; it decides which reason a message failing several
 *     conditions gets
 * @param predicate an SQL boolean expression over the message row, aliased {@code m} ({@code
 *     sms_message}); it must hold for the message to go out and must be valid on H2 (PostgreSQL
 *     mode) and PostgreSQL. A null result counts as failed.
 * @param parameters named parameters the predicate uses; names must be unique across conditions
 */
public record SendCondition(
    String reason, int precedence, String predicate, Map<String, Object> parameters) {

  private static final Pattern REASON = Pattern.compile("[a-z][a-z_]{0,39}");

  public SendCondition {
    Objects.requireNonNull(predicate, "predicate");
    if (reason == null || !REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException("a reason is a short snake_case code: " + reason);
    }
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  public static SendCondition of(String reason, int precedence, String predicate) {
    return new SendCondition(reason, precedence, predicate, Map.of());
  }
}
