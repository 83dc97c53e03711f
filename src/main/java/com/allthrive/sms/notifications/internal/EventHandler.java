package com.allthrive.sms.notifications.internal;

import java.util.List;

/**
 * Handles one platform event type: {@link #parse} validates {@code data} before anything is
 * written; {@link #handle} decides per recipient inside the intake's transaction.
 */
interface EventHandler<T> {

  String type();

  T parse(Fields data);

  List<Decision> handle(String eventId, T event);
}
