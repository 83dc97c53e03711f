package com.allthrive.sms.presence.internal;

import com.allthrive.sms.presence.PresenceSettings;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The registry in Redis when {@code REDIS_URL} ({@code sms.presence.redis-url}, which also sets
 * {@code spring.data.redis.url}) is set, in memory otherwise; never a silent fallback from one to
 * the other.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  @Bean
  PresenceRegistry presenceRegistry(
      Environment env,
      ObjectProvider<StringRedisTemplate> redis,
      PresenceSettings settings,
      Clock clock) {
    String url = env.getProperty("sms.presence.redis-url", "");
    if (url.isBlank()) {
      return new MemoryRegistry(clock);
    }
    return new RedisRegistry(redis.getObject(), settings.keyPrefix());
  }
}
