package com.allthrive.sms.preferences.web;

import com.allthrive.sms.preferences.PreferencesView.QuietHours;

/**
 * The shape of a PATCH body, for the API documentation only: the body itself is read by {@link
 * PreferencesPatch}, which refuses anything but real JSON booleans and unknown members.
 */
record PatchSchema(
    Boolean allowSmsInvitations,
    Boolean allowSmsDmNotifications,
    Boolean allowSmsBattleResults,
    Boolean allowSmsAchievementUnlocks,
    Boolean allowSmsChallengeReminders,
    QuietHours quietHours,
    String timezone) {}
