package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.presence.Presence;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 4, first half: a direct message to someone online (any open socket, or a live platform
 * heartbeat) needs no text; they see it in the app. When presence cannot be asked, the recipient
 * counts as offline.
 */
class RecipientOffline implements Rule {

  private final Presence presence;

  RecipientOffline(Presence presence) {
    this.presence = presence;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (!c.directMessage() || c.user() == null) {
      return Optional.empty();
    }
    return presence.isOnline(c.user())
        ? Optional.of(Verdict.skip("recipient_online"))
        : Optional.empty();
  }
}
