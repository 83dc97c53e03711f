package com.allthrive.sms.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the presence module.
 *
 * @param ttl how long a socket or a platform heartbeat counts without a new heartbeat ({@code
 *     SMS_PRESENCE_TTL})
 * @param pingInterval how often the service pings each open socket; a pong is a heartbeat ({@code
 *     SMS_PRESENCE_PING_INTERVAL})
 * @param keyPrefix prefix of every Redis key the registry writes
 * @param redisUrl the registry's Redis ({@code REDIS_URL}); blank: the registry is in memory, for
 *     one instance
 * @param redisTimeout how long a presence lookup waits for Redis (connect or command) before the
 *     user counts as offline
 */
@ConfigurationProperties("sms.presence")
public record PresenceSettings(
    @DefaultValue("60s") Duration ttl,
    @DefaultValue("20s") Duration pingInterval,
    @DefaultValue("presence:") String keyPrefix,
    @DefaultValue("") String redisUrl,
    @DefaultValue("1s") Duration redisTimeout) {

  public PresenceSettings {
    if (ttl.isNegative() || ttl.isZero() || pingInterval.isNegative() || pingInterval.isZero()) {
      throw new IllegalArgumentException("sms.presence.ttl and ping-interval must be positive");
    }
    if (redisTimeout.isNegative() || redisTimeout.isZero()) {
      throw new IllegalArgumentException("sms.presence.redis-timeout must be positive");
    }
  }
}
