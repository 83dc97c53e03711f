package com.allthrive.sms.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the database columns take them: {@code timestamp with time zone}, in UTC. */
public final class Timestamps {

  private Timestamps() {}

  /** The instant at UTC, or null for null. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
