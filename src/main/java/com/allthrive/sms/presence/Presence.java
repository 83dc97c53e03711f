package com.allthrive.sms.presence;

import com.allthrive.sms.shared.UserId;

/** The public API of the presence module: is a user online right now, on any instance. */
public interface Presence {

  /**
   * True while any of the user's sockets, or a platform heartbeat for them, is alive. When the
   * registry cannot be asked (Redis away) the answer is false: the failure is counted and shown in
   * health, never thrown.
   */
  boolean isOnline(UserId user);
}
