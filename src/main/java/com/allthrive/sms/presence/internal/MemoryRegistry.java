package com.allthrive.sms.presence.internal;

import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registry of a single instance, when no Redis is configured. */
class MemoryRegistry implements PresenceRegistry {

  private final Map<UserId, Map<String, Instant>> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  MemoryRegistry(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void renew(UserId user, String connection, Duration ttl) {
    entries
        .computeIfAbsent(user, u -> new ConcurrentHashMap<>())
        .put(connection, clock.instant().plus(ttl));
  }

  @Override
  public void end(UserId user, String connection) {
    entries.computeIfPresent(
        user,
        (u, connections) -> {
          connections.remove(connection);
          return connections.isEmpty() ? null : connections;
        });
  }

  @Override
  public int live(UserId user) {
    Map<String, Instant> connections = entries.get(user);
    if (connections == null) {
      return 0;
    }
    Instant now = clock.instant();
    connections.values().removeIf(expiry -> !expiry.isAfter(now));
    return connections.size();
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public void check() {}
}
