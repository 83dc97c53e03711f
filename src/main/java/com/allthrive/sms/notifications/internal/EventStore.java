package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.Databases;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.SqlRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Platform events by idempotency key: the body's hash and the first answer. */
@Repository
class EventStore {

  record Stored(String id, String bodyHash, String response) {}

  /** A key to claim for a new event. */
  record Claim(String id, String key, String hash, String type) {}

  private final JdbcClient jdbc;
  private final OneRoundTrip roundTrip;
  private final boolean postgres;

  EventStore(JdbcClient jdbc, OneRoundTrip roundTrip, DataSource dataSource) {
    this.jdbc = jdbc;
    this.roundTrip = roundTrip;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /** {@link #claim} for several distinct keys in one statement: the ids of the claims taken. */
  Set<String> claimAll(List<Claim> claims, Instant at) {
    if (!postgres || claims.size() == 1) {
      Set<String> taken = new HashSet<>();
      claims.stream()
          .filter(c -> claim(c.id(), c.key(), c.hash(), c.type(), at))
          .forEach(c -> taken.add(c.id()));
      return taken;
    }
    List<Object> args = new ArrayList<>(claims.size() * 5);
    for (Claim c : claims) {
      args.addAll(List.of(c.id(), c.key(), c.hash(), c.type(), utc(at)));
    }
    return new HashSet<>(
        jdbc.sql(
                "insert into platform_event (id, idempotency_key, body_hash, event_type,"
                    + " created_at) values "
                    + SqlRows.values(claims.size(), 5)
                    + " on conflict do nothing returning id")
            .params(args)
            .query(String.class)
            .list());
  }

  /**
   * Claims the keys with their answers (by claim id), in key order so that two transactions wait on
   * each other's keys in one order, after the statements {@code before} (in the same round trip on
   * PostgreSQL): whether every key was claimed, false when one was claimed before (a concurrent
   * claim waits on the row). On PostgreSQL this is the caller's transaction's last round trip, and
   * its {@code COMMIT} rides with it: a key claimed before fails the statement, so nothing commits,
   * and the caller rolls back. The caller must not run anything after it.
   */
  boolean claimAnswered(
      List<Claim> claims,
      Map<String, String> responses,
      Instant at,
      List<OneRoundTrip.Lookup<?>> before) {
    List<Claim> sorted = claims.stream().sorted(Comparator.comparing(Claim::key)).toList();
    String insert =
        "insert into platform_event (id, idempotency_key, body_hash, event_type, created_at,"
            + " response) values ";
    if (!postgres) {
      roundTrip.run(before);
      int claimed = 0;
      for (Claim c : sorted) {
        claimed +=
            jdbc.sql(insert + SqlRows.values(1, 6) + " on conflict do nothing")
                .params(row(c, at, responses))
                .update();
      }
      return claimed == claims.size();
    }
    List<Object> args = new ArrayList<>();
    sorted.forEach(c -> args.addAll(row(c, at, responses)));
    List<OneRoundTrip.Lookup<?>> statements = new ArrayList<>(before);
    statements.add(
        OneRoundTrip.Lookup.write(insert + SqlRows.values(sorted.size(), 6) + "; commit", args));
    try {
      roundTrip.run(statements);
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  private static List<Object> row(Claim c, Instant at, Map<String, String> responses) {
    return List.of(c.id(), c.key(), c.hash(), c.type(), utc(at), responses.get(c.id()));
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

  /** The answers of several events, by event id, in one statement on PostgreSQL. */
  void answerAll(Map<String, String> responses) {
    if (responses.size() == 1 || !postgres) {
      responses.forEach(this::answer);
      return;
    }
    List<Object> args = new ArrayList<>(responses.size() * 2);
    responses.forEach(
        (id, response) -> {
          args.add(id);
          args.add(response);
        });
    jdbc.sql(
            "update platform_event e set response = v.response from (values "
                + SqlRows.values(responses.size(), 2)
                + ") v (id, response) where e.id = v.id")
        .params(args)
        .update();
  }

  void answer(String id, String response) {
    jdbc.sql("update platform_event set response = :r where id = :id")
        .param("r", response)
        .param("id", id)
        .update();
  }
}
