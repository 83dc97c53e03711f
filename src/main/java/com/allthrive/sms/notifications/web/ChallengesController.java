package com.allthrive.sms.notifications.web;

import com.allthrive.sms.notifications.internal.ChallengeReminders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The platform's challenges, whose participants get reminders 24 hours and 1 hour before. */
@RestController
@RequestMapping("/api/v1/platform/challenges/{challengeId}")
class ChallengesController {

  private final ChallengeReminders reminders;

  ChallengesController(ChallengeReminders reminders) {
    this.reminders = reminders;
  }

  @PutMapping
  ChallengeReminders.Scheduled put(@PathVariable String challengeId, @RequestBody JsonNode body) {
    return reminders.put(challengeId, body);
  }

  @DeleteMapping
  ResponseEntity<Void> delete(@PathVariable String challengeId) {
    reminders.delete(challengeId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/submissions/{userId}")
  ChallengeReminders.Submitted submit(
      @PathVariable String challengeId, @PathVariable String userId) {
    return reminders.submit(challengeId, userId);
  }
}
