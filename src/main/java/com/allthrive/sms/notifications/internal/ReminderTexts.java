package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The text of a challenge reminder and its key: one message per challenge, user and window. */
@Component
class ReminderTexts {

  /**
   * What a reminder's message is about ({@code related_object_type}; the id is the challenge's).
   */
  static final String RELATED_TYPE = "Challenge";

  private final NotificationsSettings settings;

  ReminderTexts(NotificationsSettings settings) {
    this.settings = settings;
  }

  /** The reminder as sent at {@code sendAt}: now, or at the end of the recipient's quiet hours. */
  OutgoingText text(Challenge c, ReminderWindow window, UserId user, Instant sendAt) {
    Template body =
        Template.builder()
            .fixed(
                "Reminder: "
                    + window.timeLeft(c.deadline(), sendAt, settings.reminderGrace())
                    + " left to complete \"")
            .user(c.title(), 60)
            .fixed("\"\n\nSubmit now: " + c.url())
            .build();
    Duration validity = min(settings.reminderGrace(), Duration.between(sendAt, c.deadline()));
    return new OutgoingText(
        key(c, window, user),
        body,
        RELATED_TYPE,
        c.id(),
        Priority.NORMAL,
        validity.isNegative() || validity.isZero() ? Duration.ofSeconds(1) : validity);
  }

  static String key(Challenge c, ReminderWindow window, UserId user) {
    return "challenge-reminder:" + c.id() + ":" + user.value() + ":" + window.code();
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
