package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.Priority;
import java.time.Duration;

/**
 * A rendered message with what delivery needs besides the recipient.
 *
 * @param key the natural id of the cause, so one cause never yields two messages
 */
record OutgoingText(
    String key,
    String body,
    String relatedType,
    String relatedId,
    Priority priority,
    Duration validity) {}
