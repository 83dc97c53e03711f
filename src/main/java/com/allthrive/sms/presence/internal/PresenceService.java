package com.allthrive.sms.presence.internal;

import com.allthrive.sms.presence.Presence;
import com.allthrive.sms.presence.PresenceSettings;
import com.allthrive.sms.shared.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Presence over the registry. A registry failure never reaches the caller: a lookup answers
 * offline, a heartbeat is dropped, and both count in {@code sms.presence.registry.failures}.
 */
@Service
public class PresenceService implements Presence {

  private static final Logger log = LoggerFactory.getLogger(PresenceService.class);

  /** The connection name of the platform's heartbeat. */
  static final String PLATFORM = "platform";

  private final PresenceRegistry registry;
  private final PresenceSettings settings;
  private final Counter failures;

  PresenceService(PresenceRegistry registry, PresenceSettings settings, MeterRegistry meters) {
    this.registry = registry;
    this.settings = settings;
    this.failures =
        Counter.builder("sms.presence.registry.failures")
            .description("presence registry calls that failed (the user counted as offline)")
            .register(meters);
  }

  @Override
  public boolean isOnline(UserId user) {
    try {
      return registry.live(user) > 0;
    } catch (RuntimeException e) {
      failed("lookup", e);
      return false;
    }
  }

  /** A heartbeat for {@code connection}: it counts for the TTL from now. */
  public void heartbeat(UserId user, String connection) {
    try {
      registry.renew(user, connection, settings.ttl());
    } catch (RuntimeException e) {
      failed("heartbeat", e);
    }
  }

  /** The connection stops counting at once. */
  public void end(UserId user, String connection) {
    try {
      registry.end(user, connection);
    } catch (RuntimeException e) {
      failed("end", e);
    }
  }

  /** The platform's own heartbeat: {@code online} holds for the TTL, offline ends it at once. */
  public void platformHeartbeat(UserId user, boolean online) {
    if (online) {
      heartbeat(user, PLATFORM);
    } else {
      end(user, PLATFORM);
    }
  }

  public Duration ttl() {
    return settings.ttl();
  }

  private void failed(String what, RuntimeException e) {
    failures.increment();
    log.warn("Presence registry {} failed: {}", what, e.toString());
  }
}
