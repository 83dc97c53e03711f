package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.Segments;
import com.allthrive.sms.notifications.NotificationsSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link Template} into the text that is sent, spending as few segments as the words allow.
 * User parts are smart-encoded ({@link SmartEncoding}) and cleaned ({@link Texts#clean}, capped at
 * the plan's limit). When the text then takes more segments than its type's budget, the longest
 * user part is shortened by code points, with {@code ...}, until it fits: down to nothing for a
 * type with a budget of its own, never below the plan's limit under the default budget (so the
 * defaults never shorten a plan text). Fixed parts never change. The segments saved by each step go
 * to the cost report.
 */
@Component
class TextFitter {

  /** The text to send and what fitting saved. */
  record Fitted(String body, OutgoingSms.Accounting savings) {}

  private final NotificationsSettings settings;

  TextFitter(NotificationsSettings settings) {
    this.settings = settings;
  }

  Fitted fit(Template template, MessageType type) {
    List<String> plain = new ArrayList<>();
    List<String> encoded = new ArrayList<>();
    for (Template.Part p : template.parts()) {
      if (p instanceof Template.User u) {
        String cleaned = Texts.clean(u.value(), u.limit());
        String smart = SmartEncoding.apply(u.value());
        plain.add(cleaned);
        encoded.add(smart.equals(u.value()) ? cleaned : Texts.clean(smart, u.limit()));
      }
    }
    // most texts need no look-alike replaced and no shortening: counted once
    int before = segments(template, plain);
    int encodedSegments = encoded.equals(plain) ? before : segments(template, encoded);
    Integer own = settings.segmentBudgets().get(type.code());
    int budget = own != null ? own : settings.segmentBudget();
    List<String> fitted = shorten(template, encoded, budget, own != null);
    int after = fitted.equals(encoded) ? encodedSegments : segments(template, fitted);
    return new Fitted(
        render(template, fitted),
        new OutgoingSms.Accounting(
            Math.max(0, before - encodedSegments), Math.max(0, encodedSegments - after), false));
  }

  private List<String> shorten(Template t, List<String> values, int budget, boolean ownBudget) {
    List<String> current = new ArrayList<>(values);
    if (!ownBudget) {
      // the parts are within the plan's limits already (Texts.clean capped them)
      return current;
    }
    while (segments(t, current) > budget) {
      int longest = longest(current);
      if (longest < 0) {
        break;
      }
      String value = values.get(longest);
      int length = current.get(longest).codePointCount(0, current.get(longest).length());
      current.set(longest, Texts.truncate(value, length - 1));
    }
    return current;
  }

  private static int longest(List<String> values) {
    int index = -1;
    int max = 0;
    for (int i = 0; i < values.size(); i++) {
      int n = values.get(i).codePointCount(0, values.get(i).length());
      if (n > max) {
        max = n;
        index = i;
      }
    }
    return index;
  }

  private static int segments(Template t, List<String> values) {
    return Segments.of(render(t, values)).count();
  }

  private static String render(Template t, List<String> values) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (Template.Part p : t.parts()) {
      out.append(p instanceof Template.Fixed f ? f.text() : values.get(next++));
    }
    return out.toString();
  }
}
