package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.preferences.Category;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A user's stored choices: which categories are on, and their quiet hours (null when none). Users
 * without a row have the defaults: every category on, no quiet hours.
 */
record StoredPreferences(Map<Category, Boolean> allowed, QuietHoursWindow quietHours) {

  StoredPreferences {
    EnumMap<Category, Boolean> copy = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      copy.put(category, allowed.getOrDefault(category, true));
    }
    allowed = Collections.unmodifiableMap(copy);
  }

  static StoredPreferences defaults() {
    return new StoredPreferences(Map.of(), null);
  }

  boolean allows(Category category) {
    return allowed.get(category);
  }

  StoredPreferences with(Map<Category, Boolean> changes, QuietHoursWindow quiet) {
    EnumMap<Category, Boolean> merged = new EnumMap<>(allowed);
    merged.putAll(changes);
    return new StoredPreferences(merged, quiet);
  }
}
