package com.allthrive.sms.notifications.internal;

import java.time.Duration;
import java.time.Instant;

/** The two reminders before a challenge's deadline. */
enum ReminderWindow {
  DAY("24h", Duration.ofHours(24), "24 hours"),
  HOUR("1h", Duration.ofHours(1), "1 hour");

  private final String code;
  private final Duration before;
  private final String label;

  ReminderWindow(String code, Duration before, String label) {
    this.code = code;
    this.before = before;
    this.label = label;
  }

  String code() {
    return code;
  }

  Instant fireAt(Instant deadline) {
    return deadline.minus(before);
  }

  static ReminderWindow of(String code) {
    for (ReminderWindow w : values()) {
      if (w.code.equals(code)) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown reminder window " + code);
  }

  /**
   * The time left as the text states it when sent at {@code sendAt}: the window's own words while
   * within {@code grace} of its moment; for a text that waited (quiet hours) the true time left, in
   * whole hours or minutes, rounded down, so a text never claims more time than there is.
   */
  String timeLeft(Instant deadline, Instant sendAt, Duration grace) {
    if (!sendAt.isAfter(fireAt(deadline).plus(grace))) {
      return label;
    }
    Duration left = Duration.between(sendAt, deadline);
    long hours = left.toHours();
    if (hours >= 1) {
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    long minutes = Math.max(1, left.toMinutes());
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
