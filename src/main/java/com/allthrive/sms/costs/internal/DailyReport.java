package com.allthrive.sms.costs.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.costs.DailyCost;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily cost report. A day's rows are computed from that day's messages only, found through the
 * log's {@code created_at} index (never a scan of the whole log), and stored by the report job;
 * storing a day again replaces its rows. Today is always computed live.
 */
@Component
class DailyReport {

  private static final String AGGREGATE =
      """
      select message_type, coalesce(country, 'ZZ') as country, count(*) as messages,
        coalesce(sum(segments), 0) as segments,
        coalesce(sum(estimated_cost), 0) as estimated_cost,
        coalesce(sum(price), 0) as actual_cost,
        coalesce(sum(coalesce(price, estimated_cost)), 0) as cost,
        coalesce(sum(case when status = 'delivered' then 1 else 0 end), 0) as delivered,
        coalesce(sum(case when status in ('failed', 'undelivered') then 1 else 0 end), 0)
          as failed,
        coalesce(sum(saved_by_encoding), 0) as saved_by_encoding,
        coalesce(sum(saved_by_trimming), 0) as saved_by_trimming
      from sms_message where created_at >= :from and created_at < :to
      group by message_type, coalesce(country, 'ZZ')""";

  private final JdbcClient jdbc;
  private final Clock clock;

  DailyReport(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The day's rows as the log has them now. */
  List<DailyCost> compute(LocalDate day) {
    boolean live = day.equals(today());
    return jdbc.sql(AGGREGATE)
        .param("from", utc(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .param("to", utc(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
        .query((rs, n) -> row(rs, day, live))
        .list();
  }

  /** Computes the day and replaces its stored rows. */
  @Transactional
  int store(LocalDate day) {
    List<DailyCost> rows = compute(day);
    jdbc.sql("delete from cost_daily where report_day = :day").param("day", day).update();
    for (DailyCost r : rows) {
      jdbc.sql(
              """
              insert into cost_daily (report_day, message_type, country, messages, segments,
                estimated_cost, actual_cost, cost, delivered, failed, saved_by_encoding,
                saved_by_trimming, computed_at)
              values (:day, :type, :country, :messages, :segments, :estimated, :actual, :cost,
                :delivered, :failed, :byEncoding, :byTrimming, :now)""")
          .param("day", day)
          .param("type", r.messageType())
          .param("country", r.country())
          .param("messages", r.messages())
          .param("segments", r.segments())
          .param("estimated", r.estimatedCost())
          .param("actual", r.actualCost())
          .param("cost", r.cost())
          .param("delivered", r.delivered())
          .param("failed", r.failed())
          .param("byEncoding", r.savedByEncoding())
          .param("byTrimming", r.savedByTrimming())
          .param("now", utc(clock.instant()))
          .update();
    }
    return rows.size();
  }

  /** Stored rows of the days from {@code from} to {@code to} (both included), today live. */
  List<DailyCost> read(LocalDate from, LocalDate to) {
    List<DailyCost> rows = new ArrayList<>();
    LocalDate today = today();
    rows.addAll(
        jdbc.sql(
                """
                select report_day, message_type, country, messages, segments, estimated_cost,
                  actual_cost, cost, delivered, failed, saved_by_encoding, saved_by_trimming
                from cost_daily
                where report_day >= :from and report_day <= :to and report_day < :today""")
            .param("from", from)
            .param("to", to)
            .param("today", today)
            .query((rs, n) -> stored(rs))
            .list());
    if (!today.isBefore(from) && !today.isAfter(to)) {
      rows.addAll(compute(today));
    }
    rows.sort(
        Comparator.comparing(DailyCost::day)
            .thenComparing(DailyCost::messageType)
            .thenComparing(DailyCost::country));
    return rows;
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static DailyCost row(ResultSet rs, LocalDate day, boolean live) throws SQLException {
    return new DailyCost(
        day,
        rs.getString("message_type"),
        rs.getString("country"),
        rs.getInt("messages"),
        rs.getInt("segments"),
        exact(rs.getBigDecimal("estimated_cost")),
        exact(rs.getBigDecimal("actual_cost")),
        exact(rs.getBigDecimal("cost")),
        rs.getInt("delivered"),
        rs.getInt("failed"),
        rs.getInt("saved_by_encoding"),
        rs.getInt("saved_by_trimming"),
        live);
  }

  private static DailyCost stored(ResultSet rs) throws SQLException {
    return row(rs, rs.getObject("report_day", LocalDate.class), false);
  }

  /** The amount without trailing zeros, never in exponent notation (10, not 1E+1). */
  static BigDecimal exact(BigDecimal value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
