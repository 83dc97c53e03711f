package com.allthrive.sms.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Boot configures a Redis client (Lettuce, Netty event loops, Reactor) whenever the driver
 * is on the class path, pointed at localhost:6379 by default. Without {@code REDIS_URL} (or a Redis
 * host) the service keeps its shared state in memory, so the Redis auto-configurations are left
 * out: that saves a large part of the start (about 700 classes and several threads) and keeps a
 * Redis that is not there out of the health check.
 */
public class RedisWhenConfigured implements EnvironmentPostProcessor, Ordered {

  static final List<String> REDIS_AUTO_CONFIGURATIONS =
      List.of(
          "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.health"
              + ".DataRedisHealthContributorAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.health"
              + ".DataRedisReactiveHealthContributorAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.observation"
              + ".LettuceObservationAutoConfiguration");

  private static final String EXCLUDE = "spring.autoconfigure.exclude";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (configured(environment, "spring.data.redis.url")
        || configured(environment, "spring.data.redis.host")
        || configured(environment, "spring.data.redis.sentinel.master")
        || configured(environment, "spring.data.redis.cluster.nodes")) {
      return;
    }
    List<String> excluded =
        new ArrayList<>(
            Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
    excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "redisWhenConfigured", Map.of(EXCLUDE, String.join(",", excluded))));
  }

  private static boolean configured(ConfigurableEnvironment environment, String name) {
    String value = environment.getProperty(name);
    return value != null && !value.isBlank();
  }

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }
}
