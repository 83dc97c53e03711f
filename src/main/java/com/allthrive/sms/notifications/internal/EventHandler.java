package com.allthrive.sms.notifications.internal;

import java.util.List;

/**
 * Handles one platform event type: {@link #parse} validates {@code data} before anything is
 * written; {@link #plan} says what the policy decides, per recipient, inside the intake's
 * transaction.
 */
interface EventHandler<T> {

  String type();

  T parse(Fields data);

  /** One item per recipient, in the order of the event's decisions. */
  List<Planned> plan(String eventId, T event);
}
