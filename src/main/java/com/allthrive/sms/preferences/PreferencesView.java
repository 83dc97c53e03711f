package com.allthrive.sms.preferences;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalTime;

/**
 * The user's SMS settings as {@code GET /api/v1/me/sms-preferences} answers them (snake_case in
 * JSON). {@code allowSmsSecurityAlerts} is always true. {@code pendingPhoneNumber} is a number a
 * code was asked for and not yet verified; the verified {@code phoneNumber} stays in use until
 * then. {@code remainingThisHour} and {@code remainingToday} are the texts the per-user limit still
 * lets through now (sliding windows of an hour and a day; security alerts and codes are not
 * limited).
 */
public record PreferencesView(
    String phoneNumber,
    boolean phoneVerified,
    Instant phoneVerifiedAt,
    boolean allowSmsInvitations,
    boolean allowSmsDmNotifications,
    boolean allowSmsBattleResults,
    boolean allowSmsAchievementUnlocks,
    boolean allowSmsChallengeReminders,
    boolean allowSmsSecurityAlerts,
    boolean optedOut,
    QuietHours quietHours,
    String timezone,
    String pendingPhoneNumber,
    int remainingThisHour,
    int remainingToday) {

  /**
   * A daily window in the user's time zone ({@code "HH:mm"} in JSON); {@code end} before {@code
   * start} spans midnight.
   */
  public record QuietHours(
      @JsonFormat(pattern = "HH:mm") LocalTime start,
      @JsonFormat(pattern = "HH:mm") LocalTime end) {}
}
