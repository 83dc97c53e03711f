package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.SqlWhere;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads recorded decisions with optional filters. */
@Repository
public class DecisionQuery {

  /** Optional filters; null means any. */
  public record Filter(String reason, String userId, String outcome, Instant from, Instant to) {}

  /** One recorded decision. */
  public record Row(
      long id,
      String eventId,
      String userId,
      String toPhone,
      String messageType,
      String outcome,
      String reason,
      Long messageId,
      Instant createdAt) {}

  /** How many decisions of one outcome and reason were taken on one day (UTC). */
  public record Count(java.time.LocalDate day, String outcome, String reason, long count) {}

  /** A page of decisions, newest first. */
  public record Page(List<Row> items, int page, int size, long total) {}

  private final JdbcClient jdbc;

  DecisionQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page find(Filter filter, int page, int size) {
    SqlWhere where =
        new SqlWhere()
            .and("reason = :reason", "reason", filter.reason())
            .and("user_id = :user", "user", filter.userId())
            .and("outcome = :outcome", "outcome", filter.outcome())
            .and("created_at >= :from", "from", utc(filter.from()))
            .and("created_at < :to", "to", utc(filter.to()));
    String clause = where.clause();
    Map<String, Object> params = where.params();
    long total =
        jdbc.sql("select count(*) from notification_decision" + clause)
            .params(params)
            .query(Long.class)
            .single();
    List<Row> rows =
        jdbc.sql(
                "select * from notification_decision"
                    + clause
                    + " order by created_at desc, id desc limit :limit offset :offset")
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("event_id"),
                        rs.getString("user_id"),
                        rs.getString("to_phone"),
                        rs.getString("message_type"),
                        rs.getString("outcome"),
                        rs.getString("reason"),
                        (Long) rs.getObject("message_id", Long.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
            .list();
    return new Page(rows, page, size, total);
  }

  /**
   * Decisions from {@code from} (inclusive) to {@code to} (exclusive) counted by day, outcome and
   * reason; the day is the database session's (UTC when the service runs in UTC).
   */
  public List<Count> counts(Instant from, Instant to) {
    return jdbc.sql(
            "select cast(created_at as date) as d, outcome, reason, count(*) as n"
                + " from notification_decision where created_at >= :from and created_at < :to"
                + " group by cast(created_at as date), outcome, reason order by d, outcome, reason")
        .param("from", utc(from))
        .param("to", utc(to))
        .query(
            (rs, n) ->
                new Count(
                    rs.getObject("d", java.time.LocalDate.class),
                    rs.getString("outcome"),
                    rs.getString("reason"),
                    rs.getLong("n")))
        .list();
  }
}
