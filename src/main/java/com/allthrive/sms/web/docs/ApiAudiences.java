package com.allthrive.sms.web.docs;

import java.util.List;

/** Who calls a path of the API: its tag in the description and how it authenticates. */
enum ApiAudiences {
  END_USER("end user", "The user themselves, with the platform's JWT (Authorization: Bearer)"),
  PLATFORM("platform", "The AllThrive platform, with its API key (X-Api-Key)"),
  ADMIN("admin", "Operators, with an admin API key or an admin JWT"),
  WEBHOOKS("webhooks", "Twilio, signed with X-Twilio-Signature"),
  DEMO("demo", "Demo mode only: open, answers 404 otherwise");

  static final String API_KEY = "apiKey";
  static final String BEARER = "bearerJwt";

  final String tag;
  final String description;

  ApiAudiences(String tag, String description) {
    this.tag = tag;
    this.description = description;
  }

  static ApiAudiences of(String path) {
    if (path.startsWith("/api/v1/me") || path.startsWith("/api/v1/users")) {
      return END_USER;
    }
    if (path.startsWith("/api/v1/platform") || path.startsWith("/api/v1/events")) {
      return PLATFORM;
    }
    if (path.startsWith("/api/v1/admin")) {
      return ADMIN;
    }
    if (path.startsWith("/webhooks")) {
      return WEBHOOKS;
    }
    return path.startsWith("/api/v1/demo") ? DEMO : null;
  }

  /** The security schemes that may call this audience's operations, any one of them. */
  List<String> schemes() {
    return switch (this) {
      case END_USER -> List.of(BEARER);
      case PLATFORM -> List.of(API_KEY);
      case ADMIN -> List.of(API_KEY, BEARER);
      case WEBHOOKS, DEMO -> List.of();
    };
  }
}
