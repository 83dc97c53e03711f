package com.allthrive.sms.notifications.web;

import com.allthrive.sms.notifications.internal.EventIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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

  @Operation(
      summary = "Report an event; the answer holds the decision for each recipient",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "application/json",
                      schema =
                          @Schema(
                              oneOf = {
                                EventSchemas.BattleInvitation.class,
                                EventSchemas.DirectMessage.class,
                                EventSchemas.BattleCompleted.class,
                                EventSchemas.Achievement.class,
                                EventSchemas.SecurityAlert.class
                              }),
                      examples = {
                        @ExampleObject(name = "battle.invitation", value = EventSchemas.INVITATION),
                        @ExampleObject(
                            name = "direct_message.created",
                            value = EventSchemas.DIRECT_MESSAGE),
                        @ExampleObject(
                            name = "battle.completed",
                            value = EventSchemas.BATTLE_COMPLETED),
                        @ExampleObject(
                            name = "achievement.unlocked",
                            value = EventSchemas.ACHIEVEMENT),
                        @ExampleObject(
                            name = "security.password_changed",
                            value = EventSchemas.PASSWORD_CHANGED),
                        @ExampleObject(
                            name = "security.email_changed",
                            value = EventSchemas.EMAIL_CHANGED),
                        @ExampleObject(name = "security.new_login", value = EventSchemas.NEW_LOGIN)
                      })))
  @PostMapping("/api/v1/events")
  @ResponseStatus(HttpStatus.ACCEPTED)
  EventIntake.Answer accept(
      @Parameter(
              required = true,
              description =
                  "1-200 characters; a repeat with the same body answers the first answer again,"
                      + " with another body 409. A 503 (busy, with Retry-After) wrote nothing:"
                      + " send the event again with the same key.")
          @RequestHeader(name = "Idempotency-Key", required = false)
          String key,
      @RequestBody JsonNode body) {
    return intake.accept(key, body);
  }
}
