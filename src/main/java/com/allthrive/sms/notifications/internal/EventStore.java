package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Platform events by idempotency key: the body's hash and the first answer. */
@Repository
class EventStore {

  record Stored(String id, String bodyHash, String response) {}

  private final JdbcClient jdbc;

  EventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the key; false when it was claimed before (concurrent claims wait on the row). */
  boolean claim(String id, String key, String hash, String type, Instant at) {
    return jdbc.sql(
                """
                insert into platform_event (id, idempotency_key, body_hash, event_type, created_at)
                values (:id, :key, :hash, :type, :at) on conflict do nothing""")
            .param("id", id)
            .param("key", key)
            .param("hash", hash)
            .param("type", type)
            .param("at", utc(at))
            .update()
        == 1;
  }

  Optional<Stored> find(String key) {
    return jdbc.sql(
            "select id, body_hash, response from platform_event where idempotency_key = :key")
        .param("key", key)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  void answer(String id, String response) {
    jdbc.sql("update platform_event set response = :r where id = :id")
        .param("r", response)
        .param("id", id)
        .update();
  }
}
