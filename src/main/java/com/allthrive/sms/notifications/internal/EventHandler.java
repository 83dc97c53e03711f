package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.UserId;
import java.util.Collection;
import java.util.List;

/**
 * Handles one platform event type: {@link #parse} validates {@code data} before anything is
 * written; {@link #plan} says what the policy decides, per recipient, inside the intake's
 * transaction, with the accounts of the users {@link #users} names read for the whole transaction
 * at once.
 */
interface EventHandler<T> {

  String type();

  T parse(Fields data);

  /** The users whose accounts {@link #plan} looks up. */
  default Collection<UserId> users(T event) {
    return List.of();
  }

  /** One item per recipient, in the order of the event's decisions. */
  List<Planned> plan(String eventId, T event, Recipients recipients);
}
