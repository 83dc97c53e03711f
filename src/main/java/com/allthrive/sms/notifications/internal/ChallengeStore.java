package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.Databases;
import com.allthrive.sms.shared.SqlRows;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Challenges, their participants, and the reminders decided ({@code V6_2}, {@code V15_1}). */
@Repository
class ChallengeStore {

  private static final int INSERT_CHUNK = 1000;

  private final JdbcClient jdbc;
  private final boolean postgres;

  ChallengeStore(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /** A stored challenge and the version it replaced, if it existed. */
  record Saved(Challenge challenge, OptionalLong replaced) {}

  /**
   * Creates or updates the challenge under a new version and locks its row until the transaction
   * ends.
   */
  Saved save(Challenge c, Instant now) {
    Challenge versioned =
        c.withVersion(
            jdbc.sql("select nextval('challenge_version_seq')").query(Long.class).single());
    for (int attempt = 0; attempt < 3; attempt++) {
      OptionalLong replaced = lockedVersion(c.id());
      if (replaced.isPresent()) {
        jdbc.sql(
                "update challenge set title = :title, challenge_url = :url, deadline = :deadline,"
                    + " version = :version, updated_at = :now where id = :id")
            .params(params(versioned, now))
            .update();
        return new Saved(versioned, replaced);
      }
      int inserted =
          jdbc.sql(
                  "insert into challenge (id, title, challenge_url, deadline, version, updated_at)"
                      + " values (:id, :title, :url, :deadline, :version, :now)"
                      + " on conflict do nothing")
              .params(params(versioned, now))
              .update();
      if (inserted == 1) {
        return new Saved(versioned, OptionalLong.empty());
      }
    }
    throw new IllegalStateException(
        "challenge " + c.id() + " is being created and deleted at once");
  }

  /** The challenge's current version, its row locked until the transaction ends; empty if none. */
  OptionalLong lockedVersion(String challengeId) {
    return jdbc.sql("select version from challenge where id = :id for update")
        .param("id", challengeId)
        .query(Long.class)
        .optional()
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** Whether {@code version} is still the challenge's current one. */
  boolean isCurrent(String challengeId, long version) {
    return jdbc.sql("select count(*) from challenge where id = :id and version = :version")
            .param("id", challengeId)
            .param("version", version)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The participants become {@code users}: those who have not submitted and are not listed go,
   * listed ones are added; a submission already recorded stays.
   */
  void replaceParticipants(String challengeId, List<UserId> users) {
    jdbc.sql("delete from challenge_participant where challenge_id = :id and submitted_at is null")
        .param("id", challengeId)
        .update();
    for (int from = 0; from < users.size(); from += INSERT_CHUNK) {
      List<UserId> chunk = users.subList(from, Math.min(users.size(), from + INSERT_CHUNK));
      StringBuilder sql =
          new StringBuilder("insert into challenge_participant (challenge_id, user_id) values ");
      List<Object> args = new ArrayList<>(chunk.size() * 2);
      for (UserId user : chunk) {
        sql.append(args.isEmpty() ? "(?, ?)" : ", (?, ?)");
        args.add(challengeId);
        args.add(user.value());
      }
      jdbc.sql(sql.append(" on conflict do nothing").toString()).params(args).update();
    }
  }

  boolean delete(String challengeId) {
    return jdbc.sql("delete from challenge where id = :id").param("id", challengeId).update() == 1;
  }

  Optional<Challenge> find(String challengeId) {
    return jdbc.sql(
            "select id, title, challenge_url, deadline, version from challenge where id = :id")
        .param("id", challengeId)
        .query(
            (rs, n) ->
                new Challenge(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).toInstant(),
                    rs.getLong(5)))
        .optional();
  }

  /** Marks the participant done; false when they are not a participant of the challenge. */
  boolean submit(String challengeId, UserId user, Instant at) {
    jdbc.sql(
            "update challenge_participant set submitted_at = :at where challenge_id = :id"
                + " and user_id = :user and submitted_at is null")
        .param("at", utc(at))
        .param("id", challengeId)
        .param("user", user.value())
        .update();
    return jdbc.sql(
                "select count(*) from challenge_participant where challenge_id = :id"
                    + " and user_id = :user")
            .param("id", challengeId)
            .param("user", user.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /** The next page of participants who have not submitted, after {@code afterUser}, by id. */
  List<UserId> waiting(String challengeId, String afterUser, int limit) {
    return jdbc.sql(
            "select user_id from challenge_participant where challenge_id = :id"
                + " and submitted_at is null and user_id > :after order by user_id limit :limit")
        .param("id", challengeId)
        .param("after", afterUser)
        .param("limit", limit)
        .query((rs, n) -> new UserId(rs.getString(1)))
        .list();
  }

  /**
   * Takes the reminder of {@code window} for the participant; false when it was taken before (by an
   * earlier run, another instance, or before a restart). Joins the caller's transaction.
   */
  boolean claim(String challengeId, UserId user, ReminderWindow window, Instant now) {
    return jdbc.sql(
                "insert into challenge_reminder (challenge_id, user_id, reminder_window,"
                    + " created_at) values (:id, :user, :window, :now) on conflict do nothing")
            .param("id", challengeId)
            .param("user", user.value())
            .param("window", window.code())
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * {@link #claim} for a page of participants: those whose reminder this call took, in page order.
   * One statement on PostgreSQL; one per participant on H2, which cannot return from an insert.
   */
  List<UserId> claimAll(
      String challengeId, List<UserId> users, ReminderWindow window, Instant now) {
    if (!postgres) {
      return users.stream().filter(u -> claim(challengeId, u, window, now)).toList();
    }
    List<Object> args = new ArrayList<>(users.size() * 4);
    for (UserId user : users) {
      args.addAll(List.of(challengeId, user.value(), window.code(), utc(now)));
    }
    Set<String> taken =
        new HashSet<>(
            jdbc.sql(
                    "insert into challenge_reminder (challenge_id, user_id, reminder_window,"
                        + " created_at) values "
                        + SqlRows.values(users.size(), 4)
                        + " on conflict do nothing returning user_id")
                .params(args)
                .query(String.class)
                .list());
    return users.stream().filter(u -> taken.contains(u.value())).toList();
  }

  private static java.util.Map<String, Object> params(Challenge c, Instant now) {
    return java.util.Map.of(
        "id", c.id(),
        "title", c.title(),
        "url", c.url(),
        "deadline", utc(c.deadline()),
        "version", c.version(),
        "now", utc(now));
  }
}
