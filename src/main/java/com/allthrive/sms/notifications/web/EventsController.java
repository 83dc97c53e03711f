package com.allthrive.sms.notifications.web;

import com.allthrive.sms.notifications.internal.EventIntake;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The platform reports what happened; the answer holds one decision per recipient. */
@RestController
class EventsController {

  private final EventIntake intake;

  EventsController(EventIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/v1/events")
  @ResponseStatus(HttpStatus.ACCEPTED)
  EventIntake.Answer accept(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody JsonNode body) {
    return intake.accept(key, body);
  }
}
