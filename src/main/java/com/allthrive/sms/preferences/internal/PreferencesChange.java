package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.preferences.Category;
import java.time.ZoneId;
import java.util.Map;

/**
 * A validated PATCH of the preferences: only what the request named changes.
 *
 * @param categories the categories to switch, on (true) or off
 * @param quietHoursGiven whether the request named {@code quiet_hours} at all
 * @param quietHours the new window; null with {@code quietHoursGiven} removes it
 * @param timezone the new time zone, or null to keep it
 */
public record PreferencesChange(
    Map<Category, Boolean> categories,
    boolean quietHoursGiven,
    QuietHoursWindow quietHours,
    ZoneId timezone) {

  public PreferencesChange {
    categories = Map.copyOf(categories);
  }
}
