package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The preference lookups of {@code SmsPreferences} for a page of recipients, one query each: the
 * same answers as the one-by-one lookups ({@link OptOutList#contains}, {@link
 * ConsentLedger#latestConsent}, {@link PreferencesRepository#find}).
 */
@Repository
class PreferencePages {

  private final JdbcClient jdbc;

  PreferencePages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Set<PhoneNumber> optedOut(Collection<PhoneNumber> numbers) {
    if (numbers.isEmpty()) {
      return Set.of();
    }
    Map<String, PhoneNumber> byE164 = new HashMap<>();
    numbers.forEach(n -> byE164.put(n.e164(), n));
    Set<PhoneNumber> found = new HashSet<>();
    jdbc.sql("select phone_number from opt_out where phone_number in (:phones)")
        .param("phones", List.copyOf(byE164.keySet()))
        .query(String.class)
        .list()
        .forEach(p -> found.add(byE164.get(p)));
    return found;
  }

  /** Users whose latest consent statement about their given number is an opt-in. */
  Set<UserId> withConsent(Map<UserId, PhoneNumber> numbers) {
    if (numbers.isEmpty()) {
      return Set.of();
    }
    Map<String, String> latest = new HashMap<>();
    jdbc.sql(
            "select user_id, phone_number, action from consent_ledger where user_id in (:users)"
                + " and action in ('opt_in', 'opt_out', 'number_changed', 'number_removed')"
                + " order by id")
        .param("users", numbers.keySet().stream().map(UserId::value).toList())
        .query(
            rs -> {
              PhoneNumber number = numbers.get(new UserId(rs.getString(1)));
              if (number != null && number.e164().equals(rs.getString(2))) {
                latest.put(rs.getString(1), rs.getString(3));
              }
            });
    Set<UserId> consenting = new HashSet<>();
    latest.forEach(
        (user, action) -> {
          if (ConsentAction.fromCode(action) == ConsentAction.OPT_IN) {
            consenting.add(new UserId(user));
          }
        });
    return consenting;
  }

  /** Users among {@code users} who switched {@code category} off. */
  Set<UserId> notAllowing(Collection<UserId> users, Category category) {
    if (users.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "select user_id from sms_preferences where user_id in (:users) and not "
                    + category.field())
            .param("users", users.stream().map(UserId::value).distinct().toList())
            .query((rs, n) -> new UserId(rs.getString(1)))
            .list());
  }

  /** The quiet hours of those among {@code users} who set some. */
  Map<UserId, QuietHoursWindow> quietHours(Collection<UserId> users) {
    Map<UserId, QuietHoursWindow> found = new HashMap<>();
    if (users.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "select user_id, quiet_start, quiet_end from sms_preferences where user_id in (:users)"
                + " and quiet_start is not null and quiet_end is not null")
        .param("users", users.stream().map(UserId::value).distinct().toList())
        .query(
            (RowCallbackHandler)
                rs ->
                    found.put(
                        new UserId(rs.getString(1)),
                        new QuietHoursWindow(
                            rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))));
    return found;
  }
}
