package com.allthrive.sms.presence.internal;

import com.allthrive.sms.presence.PresenceSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry in Redis when {@code REDIS_URL} ({@code sms.presence.redis-url}) is set, in memory
 * otherwise; never a silent fallback from one to the other. Decided when the service starts, also
 * in the ahead-of-time start.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  @Bean
  RedisConnection presenceRedis(PresenceSettings settings) {
    return settings.redisUrl().isBlank()
        ? RedisConnection.none()
        : RedisConnection.to(settings.redisUrl(), settings.redisTimeout());
  }

  @Bean
  PresenceRegistry presenceRegistry(RedisConnection redis, PresenceSettings settings, Clock clock) {
    return redis
        .template()
        .<PresenceRegistry>map(template -> new RedisRegistry(template, settings.keyPrefix()))
        .orElseGet(() -> new MemoryRegistry(clock));
  }
}
