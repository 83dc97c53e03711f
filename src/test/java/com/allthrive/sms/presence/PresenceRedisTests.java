package com.allthrive.sms.presence;

import com.allthrive.sms.support.RequiresRedis;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Presence with the registry in the local Redis, under a key prefix of its own. */
@RequiresRedis
class PresenceRedisTests extends PresenceTests {

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("REDIS_URL", () -> "redis://localhost:6379");
    registry.add("sms.presence.key-prefix", () -> "test-" + UUID.randomUUID() + ":");
  }
}
