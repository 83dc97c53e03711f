package com.allthrive.sms.notifications.web;

import com.allthrive.sms.notifications.internal.DecisionQuery;
import com.allthrive.sms.shared.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy's decisions, newest first, for admins: why did (or didn't) someone get a text. */
@RestController
class AdminDecisionsController {

  private final DecisionQuery decisions;

  AdminDecisionsController(DecisionQuery decisions) {
    this.decisions = decisions;
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

  private static Instant instant(String name, String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_filter", name + " must be an ISO-8601 instant.");
    }
  }
}
