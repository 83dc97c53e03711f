package com.allthrive.sms.preferences.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily quiet window read on the wall clock of a time zone: from {@code start} (inclusive) to
 * {@code end} (exclusive). An {@code end} before {@code start} spans midnight (22:00–07:00).
 *
 * <p>On daylight-saving change days the window follows the wall clock: an end that falls in a gap
 * (spring forward) is resolved forward by the length of the gap, as {@link ZonedDateTime#of} does;
 * an end that occurs twice (fall back) ends at its first occurrence after the instant asked about.
 */
public record QuietHoursWindow(LocalTime start, LocalTime end) {

  public QuietHoursWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours must not start and end at the same time");
    }
  }

  /** When {@code at}, read in {@code zone}, falls in the window: the instant the window ends. */
  public Optional<Instant> endIfInside(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalDate day = local.toLocalDate();
    if (start.isBefore(end)) {
      return inSameDay(time) ? Optional.of(endOn(day, zone, at)) : Optional.empty();
    }
    if (!time.isBefore(start)) {
      return Optional.of(endOn(day.plusDays(1), zone, at));
    }
    return time.isBefore(end) ? Optional.of(endOn(day, zone, at)) : Optional.empty();
  }

  private boolean inSameDay(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }

  private Instant endOn(LocalDate day, ZoneId zone, Instant at) {
    ZonedDateTime first = ZonedDateTime.of(day, end, zone);
    if (first.toInstant().isAfter(at)) {
      return first.toInstant();
    }
    return first.withLaterOffsetAtOverlap().toInstant();
  }
}
