package com.allthrive.sms.costs.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.costs.CostsSettings;
import com.allthrive.sms.costs.internal.AlertLog.Firing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the alert thresholds against the log: today's spend, each user's spend today, the failure
 * rate and the 30007/21610 errors of the last hour. Every query reads a time range of the log
 * through its {@code created_at} index. Run by the {@code cost-alert-check} job; a threshold that
 * is reached fires its alert once per day ({@link AlertLog}).
 */
@Component
class AlertChecks {

  static final List<String> BURST_CODES = List.of("30007", "21610");
  private static final String COST = "coalesce(sum(coalesce(price, estimated_cost)), 0)";

  private final JdbcClient jdbc;
  private final AlertLog alerts;
  private final CostsSettings.Alerts settings;
  private final Clock clock;

  AlertChecks(JdbcClient jdbc, AlertLog alerts, CostsSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.alerts = alerts;
    this.settings = settings.alerts();
    this.clock = clock;
  }

  /** Checks every configured threshold; returns how many alerts fired now. */
  int run() {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant hourAgo = now.minus(Duration.ofHours(1));
    int fired = 0;
    if (settings.dailySpend() != null) {
      fired += dailySpend(day, dayStart, now) ? 1 : 0;
    }
    if (settings.userDailySpend() != null) {
      fired += userSpend(day, dayStart, now);
    }
    if (settings.failureRate() != null) {
      fired += failureRate(day, hourAgo, now) ? 1 : 0;
    }
    if (settings.errorBurst() != null) {
      fired += errorBursts(day, hourAgo, now);
    }
    return fired;
  }

  private boolean dailySpend(LocalDate day, Instant from, Instant to) {
    BigDecimal spent =
        range("select " + COST + " from sms_message", from, to).query(BigDecimal.class).single();
    BigDecimal limit = settings.dailySpend();
    return spent.compareTo(limit) >= 0
        && alerts.fire(
            new Firing(
                "daily_spend:" + day + ":" + plain(limit),
                "daily_spend",
                null,
                plain(limit),
                plain(spent),
                "SMS spend on "
                    + day
                    + " reached $"
                    + plain(spent)
                    + " (alert at $"
                    + plain(limit)
                    + ")"));
  }

  private int userSpend(LocalDate day, Instant from, Instant to) {
    BigDecimal limit = settings.userDailySpend();
    var spenders =
        range(
                "select recipient_user_id, " + COST + " as spent from sms_message",
                from,
                to,
                " and recipient_user_id is not null group by recipient_user_id having "
                    + COST
                    + " >= :limit")
            .param("limit", limit)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
            .list();
    int fired = 0;
    for (var s : spenders) {
      fired +=
          alerts.fire(
                  new Firing(
                      "user_daily_spend:" + day + ":" + plain(limit) + ":" + s.getKey(),
                      "user_daily_spend",
                      s.getKey(),
                      plain(limit),
                      plain(s.getValue()),
                      "SMS spend of user "
                          + s.getKey()
                          + " on "
                          + day
                          + " reached $"
                          + plain(s.getValue())
                          + " (alert at $"
                          + plain(limit)
                          + ")"))
              ? 1
              : 0;
    }
    return fired;
  }

  private boolean failureRate(LocalDate day, Instant from, Instant to) {
    var counts =
        range(
                "select count(*), coalesce(sum(case when status in ('failed', 'undelivered')"
                    + " then 1 else 0 end), 0) from sms_message",
                from,
                to,
                " and status in ('sent', 'delivered', 'failed', 'undelivered')")
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .single();
    if (counts[0] == 0 || counts[0] < settings.failureMinMessages()) {
      return false;
    }
    BigDecimal rate =
        BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.DOWN);
    BigDecimal limit = settings.failureRate();
    return rate.compareTo(limit) >= 0
        && alerts.fire(
            new Firing(
                "failure_rate:" + day + ":" + plain(limit),
                "failure_rate",
                null,
                plain(limit),
                plain(rate),
                counts[1] + " of " + counts[0] + " SMS finished in the last hour failed"));
  }

  private int errorBursts(LocalDate day, Instant from, Instant to) {
    var bursts =
        range(
                "select error_code, count(*) from sms_message",
                from,
                to,
                " and error_code in (:codes) group by error_code having count(*) >= :limit")
            .param("codes", BURST_CODES)
            .param("limit", settings.errorBurst())
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list();
    int fired = 0;
    for (var b : bursts) {
      fired +=
          alerts.fire(
                  new Firing(
                      "error_burst:" + day + ":" + settings.errorBurst() + ":" + b.getKey(),
                      "error_burst",
                      b.getKey(),
                      Integer.toString(settings.errorBurst()),
                      Long.toString(b.getValue()),
                      b.getValue() + " SMS failed with error " + b.getKey() + " in the last hour"))
              ? 1
              : 0;
    }
    return fired;
  }

  private JdbcClient.StatementSpec range(String select, Instant from, Instant to) {
    return range(select, from, to, "");
  }

  private JdbcClient.StatementSpec range(String select, Instant from, Instant to, String rest) {
    return jdbc.sql(select + " where created_at >= :from and created_at <= :to" + rest)
        .param("from", utc(from))
        .param("to", utc(to));
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
