package com.allthrive.sms.preferences.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class QuietHoursWindowTests {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final QuietHoursWindow NIGHT = window("22:00", "07:00");

  @Test
  void anOvernightWindowEndsTheNextMorningWhenEnteredBeforeMidnight() {
    Instant at = Instant.parse("2025-06-10T03:30:00Z"); // 23:30 EDT on June 9

    assertThat(NIGHT.endIfInside(at, NEW_YORK)).contains(Instant.parse("2025-06-10T11:00:00Z"));
  }

  @Test
  void anOvernightWindowEndsTheSameMorningWhenEnteredAfterMidnight() {
    Instant at = Instant.parse("2025-06-10T07:00:00Z"); // 03:00 EDT

    assertThat(NIGHT.endIfInside(at, NEW_YORK)).contains(Instant.parse("2025-06-10T11:00:00Z"));
  }

  @Test
  void theStartIsInsideAndTheEndIsOutside() {
    Instant atStart = Instant.parse("2025-06-10T02:00:00Z"); // 22:00 EDT
    Instant atEnd = Instant.parse("2025-06-10T11:00:00Z"); // 07:00 EDT
    Instant beforeStart = Instant.parse("2025-06-10T01:59:00Z");

    assertThat(NIGHT.endIfInside(atStart, NEW_YORK)).isPresent();
    assertThat(NIGHT.endIfInside(atEnd, NEW_YORK)).isEmpty();
    assertThat(NIGHT.endIfInside(beforeStart, NEW_YORK)).isEmpty();
  }

  @Test
  void aDaytimeWindowDoesNotWrapAroundMidnight() {
    QuietHoursWindow lunch = window("12:00", "13:30");

    assertThat(lunch.endIfInside(Instant.parse("2025-06-10T16:15:00Z"), NEW_YORK))
        .contains(Instant.parse("2025-06-10T17:30:00Z"));
    assertThat(lunch.endIfInside(Instant.parse("2025-06-10T03:00:00Z"), NEW_YORK)).isEmpty();
  }

  @Test
  void theNightOfTheSpringChangeEndsAtSevenOnTheNewClock() {
    Instant at = Instant.parse("2025-03-09T04:00:00Z"); // 23:00 EST on March 8

    // 07:00 EDT: the night is one hour shorter in real time
    assertThat(NIGHT.endIfInside(at, NEW_YORK)).contains(Instant.parse("2025-03-09T11:00:00Z"));
  }

  @Test
  void anEndInTheSpringGapResolvesForwardByTheGap() {
    QuietHoursWindow window = window("22:00", "02:30");
    Instant at = Instant.parse("2025-03-09T06:30:00Z"); // 01:30 EST, the clock jumps at 02:00

    // 02:30 does not exist that night: it resolves to 03:30 EDT
    assertThat(window.endIfInside(at, NEW_YORK)).contains(Instant.parse("2025-03-09T07:30:00Z"));
  }

  @Test
  void afterTheSpringGapTheWallClockIsPastAnEndInsideTheGap() {
    QuietHoursWindow window = window("22:00", "02:30");
    Instant at = Instant.parse("2025-03-09T07:05:00Z"); // 03:05 EDT

    assertThat(window.endIfInside(at, NEW_YORK)).isEmpty();
  }

  @Test
  void theNightOfTheFallChangeEndsAtSevenOnTheNewClock() {
    Instant at = Instant.parse("2025-11-02T03:00:00Z"); // 23:00 EDT on November 1

    // 07:00 EST: the night is one hour longer in real time
    assertThat(NIGHT.endIfInside(at, NEW_YORK)).contains(Instant.parse("2025-11-02T12:00:00Z"));
  }

  @Test
  void anEndThatOccursTwiceEndsAtItsFirstOccurrenceAfterTheInstant() {
    QuietHoursWindow window = window("23:00", "01:30");
    Instant firstPass = Instant.parse("2025-11-02T05:15:00Z"); // 01:15 EDT
    Instant secondPass = Instant.parse("2025-11-02T06:15:00Z"); // 01:15 EST, an hour later

    assertThat(window.endIfInside(firstPass, NEW_YORK))
        .contains(Instant.parse("2025-11-02T05:30:00Z")); // 01:30 EDT
    assertThat(window.endIfInside(secondPass, NEW_YORK))
        .contains(Instant.parse("2025-11-02T06:30:00Z")); // 01:30 EST
  }

  @Test
  void readsTheWallClockOfTheUsersZoneNotTheServers() {
    TimeZone serverZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
    try {
      Instant at = Instant.parse("2025-06-10T14:00:00Z"); // 23:00 in Tokyo, 04:00 in Honolulu

      assertThat(NIGHT.endIfInside(at, TOKYO)).contains(Instant.parse("2025-06-10T22:00:00Z"));
      assertThat(NIGHT.endIfInside(at, ZoneId.of("Europe/London"))).isEmpty();
    } finally {
      TimeZone.setDefault(serverZone);
    }
  }

  @Test
  void refusesAWindowThatStartsWhereItEnds() {
    assertThatThrownBy(() -> window("07:00", "07:00")).isInstanceOf(IllegalArgumentException.class);
  }

  static QuietHoursWindow window(String start, String end) {
    return new QuietHoursWindow(LocalTime.parse(start), LocalTime.parse(end));
  }
}
