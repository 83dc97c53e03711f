package com.allthrive.sms.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Presence with the in-memory registry (no {@code REDIS_URL}). */
class PresenceMemoryTests extends PresenceTests {

  @Autowired ApplicationContext context;

  /** Without {@code REDIS_URL} no Redis client is set up: no connection attempts, no threads. */
  @Test
  void startsNoRedisClientWithoutARedisUrl() {
    assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
  }
}
