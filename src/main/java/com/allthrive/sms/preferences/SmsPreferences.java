package com.allthrive.sms.preferences;

import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The public API of the preferences module. */
public interface SmsPreferences {

  /** The whole settings object of a provisioned user; a 404 problem when the user is unknown. */
  PreferencesView view(UserId user);

  /**
   * True when the number is on the opt-out list (STOP, or provider error 21610). A primary-key
   * lookup; it beats every other rule, security alerts included.
   */
  boolean isOptedOut(PhoneNumber number);

  /**
   * True only when the latest consent statement recorded for this user and number is an opt-in
   * (verification of the number, or START). No record means no consent.
   */
  boolean hasConsent(UserId user, PhoneNumber number);

  /** True when the user has not switched the category off (unknown users: the default, true). */
  boolean allows(UserId user, Category category);

  /**
   * When {@code at} falls in the user's quiet hours (read in their time zone), the instant they
   * end; else empty, also for unknown users and users without quiet hours.
   */
  Optional<Instant> quietHoursEnd(UserId user, Instant at);

  /**
   * {@link #isOptedOut} for a page of numbers, in one query: those on the opt-out list. A lookup,
   * so that the caller can send it with others in one round trip ({@link OneRoundTrip}).
   */
  OneRoundTrip.Lookup<Set<PhoneNumber>> optedOut(Collection<PhoneNumber> numbers);

  /**
   * {@link #hasConsent} for a page of users, each with the number asked about, in one query: the
   * users who have consent. A lookup, as {@link #optedOut(Collection)}.
   */
  OneRoundTrip.Lookup<Set<UserId>> withConsent(Map<UserId, PhoneNumber> numbers);

  /**
   * {@link #allows} for a page of users, in one query: those who switched the category off. A
   * lookup, as {@link #optedOut(Collection)}.
   */
  OneRoundTrip.Lookup<Set<UserId>> notAllowing(Collection<UserId> users, Category category);

  /**
   * {@link #quietHoursEnd} for a page of users: the users whose quiet hours hold {@code at}, with
   * the instant they end. A lookup, as {@link #optedOut(Collection)}; its result reads the time
   * zones of the users who set quiet hours, if any did.
   */
  OneRoundTrip.Lookup<Map<UserId, Instant>> quietHoursEnds(Collection<UserId> users, Instant at);
}
