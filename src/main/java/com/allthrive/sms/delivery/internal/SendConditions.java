package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.SendCondition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link SendCondition} of the application, composed once at start into two SQL fragments
 * over {@code sms_message m}: {@link #allHold} for the claim, and {@link #firstFailure} naming the
 * reason of the first condition that fails. With no conditions both are trivial.
 */
@Component
class SendConditions {

  /** The reason when the conditions changed between two statements; not expected in practice. */
  private static final String FALLBACK = "send_condition";

  private final String allHold;
  private final String firstFailure;
  private final Map<String, Object> parameters;

  SendConditions(ObjectProvider<SendCondition> contributed) {
    List<SendCondition> conditions =
        contributed.stream()
            .sorted(
                Comparator.comparingInt(SendCondition::precedence)
                    .thenComparing(SendCondition::reason))
            .toList();
    this.allHold =
        conditions.isEmpty()
            ? "1 = 1"
            : conditions.stream()
                .map(SendConditions::holds)
                .collect(Collectors.joining(" and ", "(", ")"));
    this.firstFailure =
        conditions.isEmpty()
            ? "'" + FALLBACK + "'"
            : conditions.stream()
                    .map(c -> " when not " + holds(c) + " then '" + c.reason() + "'")
                    .collect(Collectors.joining("", "case", ""))
                + " else '"
                + FALLBACK
                + "' end";
    Map<String, Object> merged = new HashMap<>();
    for (SendCondition c : conditions) {
      c.parameters()
          .forEach(
              (name, value) -> {
                if (merged.putIfAbsent(name, value) != null) {
                  throw new IllegalStateException("send condition parameter named twice: " + name);
                }
              });
    }
    this.parameters = Map.copyOf(merged);
  }

  private static String holds(SendCondition c) {
    return "coalesce((" + c.predicate() + "), false)";
  }

  /** True when every condition holds for the row {@code m}. */
  String allHold() {
    return allHold;
  }

  /** The reason code of the first condition that fails for the row {@code m}. */
  String firstFailure() {
    return firstFailure;
  }

  /** The parameters the fragments use. */
  Map<String, Object> parameters() {
    return parameters;
  }
}
