package com.allthrive.sms.accounts.web;

import com.allthrive.sms.shared.ApiProblem;
import java.time.ZoneId;

/** IANA time zone names only ("America/New_York", "UTC"); fixed offsets are refused. */
final class Zones {

  private Zones() {}

  static ZoneId parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return ZoneId.of("UTC");
    }
    if (!ZoneId.getAvailableZoneIds().contains(raw)) {
      throw ApiProblem.badRequest("invalid_timezone", "timezone must be an IANA time zone name.");
    }
    return ZoneId.of(raw);
  }
}
