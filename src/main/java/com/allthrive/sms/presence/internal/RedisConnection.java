package com.allthrive.sms.presence.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The registry's own Redis client, made from {@code REDIS_URL} when the service starts. It does not
 * come from Spring Boot's Redis auto-configuration: that is decided by conditions, which the
 * ahead-of-time start fixes when the jar is built, so a jar built without Redis would never find
 * it. Made here, the same jar runs with or without Redis either way, and without it no Redis class
 * is loaded. Commands and connects wait at most {@code timeout}; nothing connects before the first
 * command, so a Redis that is down shows in the presence health, not as a failed start.
 */
final class RedisConnection implements DisposableBean {

  private final LettuceConnectionFactory factory;

  private RedisConnection(LettuceConnectionFactory factory) {
    this.factory = factory;
  }

  static RedisConnection none() {
    return new RedisConnection(null);
  }

  static RedisConnection to(String url, Duration timeout) {
    var client =
        LettuceClientConfiguration.builder()
            .commandTimeout(timeout)
            .clientOptions(
                ClientOptions.builder()
                    .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                    .build());
    if (url.startsWith("rediss:")) {
      client.useSsl();
    }
    var factory =
        new LettuceConnectionFactory(
            LettuceConnectionFactory.createRedisConfiguration(url), client.build());
    factory.afterPropertiesSet();
    factory.start();
    return new RedisConnection(factory);
  }

  Optional<StringRedisTemplate> template() {
    return Optional.ofNullable(factory).map(StringRedisTemplate::new);
  }

  @Override
  public void destroy() {
    if (factory != null) {
      factory.destroy();
    }
  }
}
