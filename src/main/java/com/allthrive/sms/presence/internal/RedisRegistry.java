package com.allthrive.sms.presence.internal;

import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The registry in Redis, shared by every instance. Each connection is a key of its own, {@code
 * <prefix>c:<user>:<connection>}, with a Redis expiry of the TTL, so a crashed instance's sockets
 * stop counting by themselves; a set per user, {@code <prefix>u:<user>}, lists the user's
 * connections so a lookup reads only that user's keys. Each operation is one Lua script, atomic on
 * the server; the lookup drops members whose key has expired.
 */
class RedisRegistry implements PresenceRegistry {

  private static final RedisScript<Long> RENEW =
      RedisScript.of(
          """
          redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
          redis.call('SADD', KEYS[1], ARGV[1])
          if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return 1""",
          Long.class);

  private static final RedisScript<Long> END =
      RedisScript.of(
          """
          redis.call('DEL', KEYS[2])
          return redis.call('SREM', KEYS[1], ARGV[1])""",
          Long.class);

  private static final RedisScript<Long> LIVE =
      RedisScript.of(
          """
          local live = 0
          for _, c in ipairs(redis.call('SMEMBERS', KEYS[1])) do
            if redis.call('EXISTS', ARGV[1] .. c) == 1 then
              live = live + 1
            else
              redis.call('SREM', KEYS[1], c)
            end
          end
          return live""",
          Long.class);

  private final StringRedisTemplate redis;
  private final String prefix;

  RedisRegistry(StringRedisTemplate redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public void renew(UserId user, String connection, Duration ttl) {
    redis.execute(
        RENEW,
        List.of(index(user), key(user, connection)),
        connection,
        Long.toString(Math.max(1, ttl.toMillis())));
  }

  @Override
  public void end(UserId user, String connection) {
    redis.execute(END, List.of(index(user), key(user, connection)), connection);
  }

  @Override
  public int live(UserId user) {
    Long live = redis.execute(LIVE, List.of(index(user)), prefix + "c:" + user.value() + ":");
    return live == null ? 0 : live.intValue();
  }

  @Override
  public String kind() {
    return "redis";
  }

  @Override
  public void check() {
    redis.execute((org.springframework.data.redis.core.RedisCallback<String>) c -> c.ping());
  }

  private String index(UserId user) {
    return prefix + "u:" + user.value();
  }

  private String key(UserId user, String connection) {
    return prefix + "c:" + user.value() + ":" + connection;
  }
}
