package com.allthrive.sms.notifications.internal;

import java.time.Instant;

/**
 * A challenge the platform asked to be reminded of, in the version its last PUT gave it.
 *
 * @param version new on every PUT (never reused for the id); 0 until stored
 */
record Challenge(String id, String title, String url, Instant deadline, long version) {

  Challenge withVersion(long newVersion) {
    return new Challenge(id, title, url, deadline, newVersion);
  }
}
