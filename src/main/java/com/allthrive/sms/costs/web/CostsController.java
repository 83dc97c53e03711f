package com.allthrive.sms.costs.web;

import com.allthrive.sms.costs.Alert;
import com.allthrive.sms.costs.DailyCost;
import com.allthrive.sms.costs.UserCost;
import com.allthrive.sms.costs.internal.CostQueries;
import com.allthrive.sms.shared.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin cost listings. {@code from} and {@code to} are UTC days ({@code 2026-03-10}), both
 * included, at most 366 days apart; the daily report defaults to the last 7 days, the per-user cost
 * to today. Amounts are exact USD decimals. A bad value is a 400 {@code invalid_filter}.
 */
@RestController
class CostsController {

  static final int MAX_DAYS = 366;
  static final int MAX_SIZE = 200;

  /** The daily report of a period. */
  record Daily(LocalDate from, LocalDate to, String currency, List<DailyCost> rows) {}

  /** A page of cost per user. */
  record Users(
      LocalDate from,
      LocalDate to,
      String currency,
      List<UserCost> items,
      int page,
      int size,
      long total) {}

  private final CostQueries queries;

  CostsController(CostQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/v1/admin/costs/daily")
  Daily daily(@RequestParam Map<String, String> query) {
    LocalDate to = day(query, "to", queries.today());
    LocalDate from = day(query, "from", to.minusDays(6));
    checkPeriod(from, to);
    return new Daily(from, to, "USD", queries.daily(from, to));
  }

  @GetMapping("/api/v1/admin/costs/users")
  Users users(@RequestParam Map<String, String> query) {
    LocalDate to = day(query, "to", queries.today());
    LocalDate from = day(query, "from", to);
    checkPeriod(from, to);
    int page = number(query, "page", 0, 0, 1_000_000);
    int size = number(query, "size", 50, 1, MAX_SIZE);
    var result = queries.users(from, to, page, size);
    return new Users(from, to, "USD", result.items(), page, size, result.total());
  }

  @GetMapping("/api/v1/admin/alerts")
  CostQueries.Page<Alert> alerts(@RequestParam Map<String, String> query) {
    int page = number(query, "page", 0, 0, 1_000_000);
    int size = number(query, "size", 50, 1, MAX_SIZE);
    return queries.alerts(page, size);
  }

  private static void checkPeriod(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw invalid("from must not be after to");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw invalid("a period spans at most " + MAX_DAYS + " days");
    }
  }

  private static LocalDate day(Map<String, String> query, String name, LocalDate fallback) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw invalid(name + ": expected a day such as 2026-03-10");
    }
  }

  private static int number(
      Map<String, String> query, String name, int fallback, int min, int max) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name + ": expected a whole number from " + min + " to " + max);
  }

  private static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid_filter", detail);
  }
}
