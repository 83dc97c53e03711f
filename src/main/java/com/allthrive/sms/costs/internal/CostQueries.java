package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.Alert;
import com.allthrive.sms.costs.DailyCost;
import com.allthrive.sms.costs.UserCost;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;

/** The admin listings of the module: daily report, cost per user, alerts. */
@Service
public class CostQueries {

  /** A page of a listing. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  private final DailyReport report;
  private final UserCosts users;
  private final AlertLog alerts;

  CostQueries(DailyReport report, UserCosts users, AlertLog alerts) {
    this.report = report;
    this.users = users;
    this.alerts = alerts;
  }

  public LocalDate today() {
    return report.today();
  }

  /** Report rows of the days from {@code from} to {@code to}, both included. */
  public List<DailyCost> daily(LocalDate from, LocalDate to) {
    return report.read(from, to);
  }

  /** Cost per user over the days from {@code from} to {@code to}, both included. */
  public Page<UserCost> users(LocalDate from, LocalDate to, int page, int size) {
    var result =
        users.list(
            from.atStartOfDay(ZoneOffset.UTC).toInstant(),
            to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            page,
            size);
    return new Page<>(result.items(), page, size, result.total());
  }

  public Page<Alert> alerts(int page, int size) {
    return new Page<>(alerts.list(page, size), page, size, alerts.count());
  }
}
