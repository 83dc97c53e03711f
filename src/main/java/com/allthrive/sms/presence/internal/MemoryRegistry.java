package com.allthrive.sms.presence.internal;

import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry of a single instance, when no Redis is configured. Expired entries go when their
 * user is looked up, and all of them every {@value #SWEEP_EVERY} renewals, so users who are never
 * looked up do not pile up.
 */
class MemoryRegistry implements PresenceRegistry {

  static final int SWEEP_EVERY = 1024;

  private final Map<UserId, Map<String, Instant>> entries = new ConcurrentHashMap<>();
  private final AtomicInteger renewals = new AtomicInteger();
  private final Clock clock;

  MemoryRegistry(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void renew(UserId user, String connection, Duration ttl) {
    entries
        .computeIfAbsent(user, u -> new ConcurrentHashMap<>())
        .put(connection, clock.instant().plus(ttl));
    if (renewals.incrementAndGet() % SWEEP_EVERY == 0) {
      entries.keySet().forEach(this::live);
    }
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
    Instant now = clock.instant();
    Map<String, Instant> left =
        entries.computeIfPresent(
            user,
            (u, connections) -> {
              connections.values().removeIf(expiry -> !expiry.isAfter(now));
              return connections.isEmpty() ? null : connections;
            });
    return left == null ? 0 : left.size();
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public void check() {}
}
