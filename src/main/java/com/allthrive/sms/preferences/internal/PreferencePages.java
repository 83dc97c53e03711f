package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Repository;

/**
 * The preference lookups of {@code SmsPreferences} for a page of recipients, one query each, for
 * the caller to send with others in one round trip ({@link OneRoundTrip}): the same answers as the
 * one-by-one lookups ({@link OptOutList#contains}, {@link ConsentLedger#latestConsent}, {@link
 * PreferencesRepository#find}).
 */
@Repository
class PreferencePages {

  OneRoundTrip.Lookup<Set<PhoneNumber>> optedOut(Collection<PhoneNumber> numbers) {
    Set<PhoneNumber> found = new HashSet<>();
    if (numbers.isEmpty()) {
      return OneRoundTrip.Lookup.answered(found);
    }
    Map<String, PhoneNumber> byE164 = new HashMap<>();
    numbers.forEach(n -> byE164.put(n.e164(), n));
    return new OneRoundTrip.Lookup<>(
        "select phone_number from opt_out where phone_number = any(?)",
        List.of((Object) byE164.keySet().toArray(String[]::new)),
        rs -> found.add(byE164.get(rs.getString(1))),
        () -> found);
  }

  /** Users whose latest consent statement about their given number is an opt-in. */
  OneRoundTrip.Lookup<Set<UserId>> withConsent(Map<UserId, PhoneNumber> numbers) {
    Map<String, String> latest = new HashMap<>();
    Supplier<Set<UserId>> consenting =
        () -> {
          Set<UserId> found = new HashSet<>();
          latest.forEach(
              (user, action) -> {
                if (ConsentAction.fromCode(action) == ConsentAction.OPT_IN) {
                  found.add(new UserId(user));
                }
              });
          return found;
        };
    if (numbers.isEmpty()) {
      return OneRoundTrip.Lookup.answered(Set.of());
    }
    return new OneRoundTrip.Lookup<>(
        "select user_id, phone_number, action from consent_ledger where user_id = any(?)"
            + " and action in ('opt_in', 'opt_out', 'number_changed', 'number_removed')"
            + " order by id",
        List.of((Object) ids(numbers.keySet())),
        rs -> {
          PhoneNumber number = numbers.get(new UserId(rs.getString(1)));
          if (number != null && number.e164().equals(rs.getString(2))) {
            latest.put(rs.getString(1), rs.getString(3));
          }
        },
        consenting);
  }

  /** Users among {@code users} who switched {@code category} off. */
  OneRoundTrip.Lookup<Set<UserId>> notAllowing(Collection<UserId> users, Category category) {
    Set<UserId> found = new HashSet<>();
    if (users.isEmpty()) {
      return OneRoundTrip.Lookup.answered(found);
    }
    return new OneRoundTrip.Lookup<>(
        "select user_id from sms_preferences where user_id = any(?) and not " + category.field(),
        List.of((Object) ids(users)),
        rs -> found.add(new UserId(rs.getString(1))),
        () -> found);
  }

  /** The quiet hours of those among {@code users} who set some. */
  OneRoundTrip.Lookup<Map<UserId, QuietHoursWindow>> quietHours(Collection<UserId> users) {
    Map<UserId, QuietHoursWindow> found = new HashMap<>();
    if (users.isEmpty()) {
      return OneRoundTrip.Lookup.answered(found);
    }
    return new OneRoundTrip.Lookup<>(
        "select user_id, quiet_start, quiet_end from sms_preferences where user_id = any(?)"
            + " and quiet_start is not null and quiet_end is not null",
        List.of((Object) ids(users)),
        rs ->
            found.put(
                new UserId(rs.getString(1)),
                new QuietHoursWindow(
                    rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))),
        () -> found);
  }

  private static String[] ids(Collection<UserId> users) {
    return users.stream().map(UserId::value).distinct().toArray(String[]::new);
  }
}
