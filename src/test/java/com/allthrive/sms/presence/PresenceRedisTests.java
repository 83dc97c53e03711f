package com.allthrive.sms.presence;

import com.allthrive.sms.support.RequiresRedis;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Presence with the registry in the local Redis, under a key prefix of its own. {@code REDIS_URL}
 * is a test property rather than a dynamic one: like an environment variable, it must be there when
 * the environment is prepared, which decides whether a Redis client is set up at all.
 */
@RequiresRedis
@TestPropertySource(properties = "REDIS_URL=redis://localhost:6379")
class PresenceRedisTests extends PresenceTests {

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("sms.presence.key-prefix", () -> "test-" + UUID.randomUUID() + ":");
  }
}
