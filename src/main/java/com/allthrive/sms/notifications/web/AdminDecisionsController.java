package com.allthrive.sms.notifications.web;

import com.allthrive.sms.notifications.internal.DecisionQuery;
import com.allthrive.sms.shared.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy's decisions, newest first, for admins: why did (or didn't) someone get a text. */
@RestController
class AdminDecisionsController {

  private final DecisionQuery decisions;
  private final Clock clock;

  AdminDecisionsController(DecisionQuery decisions, Clock clock) {
    this.decisions = decisions;
    this.clock = clock;
  }

  @GetMapping("/api/v1/admin/decisions")
  DecisionQuery.Page list(
      @RequestParam(required = false) String reason,
      @RequestParam(name = "user_id", required = false) String userId,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw ApiProblem.badRequest("invalid_page", "page must be >= 0 and size 1-200.");
    }
    return decisions.find(
        new DecisionQuery.Filter(reason, userId, outcome, instant("from", from), instant("to", to)),
        page,
        size);
  }

  @GetMapping("/api/v1/admin/decisions/counts")
  List<DecisionQuery.Count> counts(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Instant end = to == null ? clock.instant() : instant("to", to);
    Instant start = from == null ? end.minus(Duration.ofDays(7)) : instant("from", from);
    if (!start.isBefore(end) || Duration.between(start, end).toDays() > 92) {
      throw ApiProblem.badRequest(
          "invalid_filter", "from must be before to, and at most 92 days before it.");
    }
    return decisions.counts(start, end);
  }

  private static Instant instant(String name, String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_filter", name + " must be an ISO-8601 instant.");
    }
  }
}
