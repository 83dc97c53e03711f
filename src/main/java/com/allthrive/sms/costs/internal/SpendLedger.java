package com.allthrive.sms.costs.internal;

import com.allthrive.sms.shared.Databases;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The day's spend under the cap, one row per UTC day. Spend is taken by one conditional statement
 * that adds the amount only while the total stays within the caller's limit ({@code ... where spent
 * + amount <= limit}), evaluated on the row's latest version under its lock: concurrent queuers on
 * any number of instances can never overshoot the cap, and a rolled-back queuing gives its amount
 * back. Actual prices correct the total afterwards, unconditionally: they are spent already.
 */
@Component
class SpendLedger {

  private final JdbcClient jdbc;
  private final boolean postgres;

  SpendLedger(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /** Adds {@code amount} to the day if the total stays at most {@code limit}; null: no limit. */
  boolean tryTake(LocalDate day, BigDecimal amount, BigDecimal limit) {
    if (limit != null && amount.compareTo(limit) > 0) {
      return false;
    }
    if (postgres) {
      return jdbc.sql(
              "insert into spend_day (spend_date, spent) values (:day, :amount)"
                  + " on conflict (spend_date)"
                  + " do update set spent = spend_day.spent + excluded.spent"
                  + " where :unlimited or spend_day.spent + excluded.spent <= :limit"
                  + " returning spend_date")
          .param("day", day)
          .param("amount", amount)
          .param("unlimited", limit == null)
          .param("limit", limit == null ? BigDecimal.ZERO : limit)
          .query(LocalDate.class)
          .optional()
          .isPresent();
    }
    jdbc.sql("insert into spend_day (spend_date, spent) values (:day, 0) on conflict do nothing")
        .param("day", day)
        .update();
    return jdbc.sql(
                "update spend_day set spent = spent + :amount"
                    + " where spend_date = :day and (:unlimited or spent + :amount <= :limit)")
            .param("day", day)
            .param("amount", amount)
            .param("unlimited", limit == null)
            .param("limit", limit == null ? BigDecimal.ZERO : limit)
            .update()
        == 1;
  }

  /** Corrects the day's spend by {@code delta} (an actual price against its estimate). */
  void correct(LocalDate day, BigDecimal delta) {
    jdbc.sql("update spend_day set spent = spent + :delta where spend_date = :day")
        .param("day", day)
        .param("delta", delta)
        .update();
  }

  /** What the day has spent so far under the cap. */
  BigDecimal spent(LocalDate day) {
    return jdbc.sql("select spent from spend_day where spend_date = :day")
        .param("day", day)
        .query(BigDecimal.class)
        .optional()
        .orElse(BigDecimal.ZERO);
  }
}
