package com.allthrive.sms.presence.web;

import com.allthrive.sms.presence.internal.PresenceService;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.UserId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The heartbeat of platforms that track presence themselves. */
@RestController
class PlatformPresenceController {

  /** The user's presence after the heartbeat, and how long a heartbeat holds. */
  record PresenceView(String userId, boolean online, long ttlSeconds) {}

  private final PresenceService presence;

  PlatformPresenceController(PresenceService presence) {
    this.presence = presence;
  }

  @PutMapping("/api/v1/platform/presence/{userId}")
  PresenceView heartbeat(@PathVariable String userId, @RequestBody JsonNode body) {
    if (!UserId.isValid(userId)) {
      throw ApiProblem.badRequest(
          "invalid_user_id", "user_id must be 1-64 characters of [A-Za-z0-9_.:@-].");
    }
    JsonNode online = body == null ? null : body.get("online");
    if (online == null || !online.isBoolean()) {
      throw ApiProblem.badRequest("invalid_presence", "online is required: true or false.")
          .with("field", "online");
    }
    UserId user = new UserId(userId);
    presence.platformHeartbeat(user, online.booleanValue());
    return new PresenceView(userId, presence.isOnline(user), presence.ttl().toSeconds());
  }
}
