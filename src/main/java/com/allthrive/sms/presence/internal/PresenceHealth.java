package com.allthrive.sms.presence.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code presence} in {@code /actuator/health}: down while the registry (Redis) cannot be reached,
 * when direct-message texts treat every recipient as offline.
 */
@Component("presence")
class PresenceHealth implements HealthIndicator {

  private final PresenceRegistry registry;

  PresenceHealth(PresenceRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    try {
      registry.check();
      return Health.up().withDetail("registry", registry.kind()).build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("registry", registry.kind())
          .withDetail("error", e.getClass().getSimpleName())
          .withDetail("effect", "direct-message texts treat every recipient as offline")
          .build();
    }
  }
}
