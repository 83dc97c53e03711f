package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.Priority;
import java.time.Duration;

/**
 * A message text with what delivery needs besides the recipient.
 *
 * @param key the natural id of the cause, so one cause never yields two messages
 * @param template the text as fixed and user-supplied parts; {@link TextFitter} makes it the body
 */
record OutgoingText(
    String key,
    Template template,
    String relatedType,
    String relatedId,
    Priority priority,
    Duration validity) {

  /** A text with no user-supplied parts: sent exactly as written. */
  OutgoingText(
      String key,
      String body,
      String relatedType,
      String relatedId,
      Priority priority,
      Duration validity) {
    this(key, Template.fixed(body), relatedType, relatedId, priority, validity);
  }

  /** The text with its user parts as given (before fitting). */
  String body() {
    return template.render();
  }
}
