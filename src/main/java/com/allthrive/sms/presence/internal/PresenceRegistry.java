package com.allthrive.sms.presence.internal;

import com.allthrive.sms.shared.UserId;
import java.time.Duration;

/**
 * Who is online: one entry per user and connection (a socket, or the platform's heartbeat), each
 * expiring {@code ttl} after its last heartbeat. Failures (Redis away) are thrown.
 */
interface PresenceRegistry {

  /** Opens or renews the connection's entry for {@code ttl}. */
  void renew(UserId user, String connection, Duration ttl);

  /** Ends the connection's entry at once. */
  void end(UserId user, String connection);

  /** The user's live entries. */
  int live(UserId user);

  /** Where the entries live, for health. */
  String kind();

  /** Throws when the registry cannot be reached. */
  void check();
}
