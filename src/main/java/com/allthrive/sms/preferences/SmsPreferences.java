package com.allthrive.sms.preferences;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.Optional;

/** The public API of the preferences module. */
public interface SmsPreferences {

  /** The whole settings object of a provisioned user; a 404 problem when the user is unknown. */
  PreferencesView view(UserId user);

  /** True when the number is on the opt-out list (STOP, or provider error 21610). */
  boolean isOptedOut(PhoneNumber number);

  /** True when the user has not switched the category off. */
  boolean allows(UserId user, Category category);

  /** When {@code at} falls in the user's quiet hours, the instant they end; else empty. */
  Optional<Instant> quietHoursEnd(UserId user, Instant at);
}
