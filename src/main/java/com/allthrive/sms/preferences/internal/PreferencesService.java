package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.preferences.PreferencesView;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The preferences module's API, and the change its web adapter makes (public only for it). */
@Service
public class PreferencesService implements SmsPreferences {

  private final Accounts accounts;
  private final PreferencesRepository preferences;
  private final PreferencePages pages;
  private final OptOutList optOuts;
  private final ConsentLedger ledger;
  private final ConsentRecorder recorder;
  private final UserSmsQuota quota;
  private final Clock clock;

  PreferencesService(
      Accounts accounts,
      PreferencesRepository preferences,
      PreferencePages pages,
      OptOutList optOuts,
      ConsentLedger ledger,
      ConsentRecorder recorder,
      UserSmsQuota quota,
      Clock clock) {
    this.accounts = accounts;
    this.preferences = preferences;
    this.pages = pages;
    this.optOuts = optOuts;
    this.ledger = ledger;
    this.recorder = recorder;
    this.quota = quota;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public PreferencesView view(UserId user) {
    Account account = accounts.find(user).orElseThrow(PreferencesService::unknownUser);
    StoredPreferences stored = preferences.find(user).orElse(StoredPreferences.defaults());
    boolean optedOut = account.phoneNumber() != null && optOuts.contains(account.phoneNumber());
    return Views.of(account, stored, optedOut, quota.remaining(user));
  }

  @Override
  public boolean isOptedOut(PhoneNumber number) {
    return optOuts.contains(number);
  }

  @Override
  public boolean hasConsent(UserId user, PhoneNumber number) {
    return ledger.latestConsent(user, number).filter(ConsentAction.OPT_IN::equals).isPresent();
  }

  @Override
  public boolean allows(UserId user, Category category) {
    return preferences.find(user).map(p -> p.allows(category)).orElse(true);
  }

  @Override
  public Optional<Instant> quietHoursEnd(UserId user, Instant at) {
    Optional<QuietHoursWindow> window = preferences.find(user).map(StoredPreferences::quietHours);
    if (window.isEmpty()) {
      return Optional.empty();
    }
    return accounts.find(user).flatMap(a -> window.get().endIfInside(at, a.timezone()));
  }

  @Override
  public OneRoundTrip.Lookup<Set<PhoneNumber>> optedOut(Collection<PhoneNumber> numbers) {
    return pages.optedOut(numbers);
  }

  @Override
  public OneRoundTrip.Lookup<Set<UserId>> withConsent(Map<UserId, PhoneNumber> numbers) {
    return pages.withConsent(numbers);
  }

  @Override
  public OneRoundTrip.Lookup<Set<UserId>> notAllowing(Collection<UserId> users, Category category) {
    return pages.notAllowing(users, category);
  }

  @Override
  public OneRoundTrip.Lookup<Map<UserId, Instant>> quietHoursEnds(
      Collection<UserId> users, Instant at) {
    var windows = pages.quietHours(users);
    Supplier<Map<UserId, Instant>> ends =
        () -> {
          Map<UserId, QuietHoursWindow> found = windows.result().get();
          Map<UserId, Instant> inside = new HashMap<>();
          if (!found.isEmpty()) {
            accounts
                .findAll(found.keySet())
                .forEach(
                    (user, account) ->
                        found
                            .get(user)
                            .endIfInside(at, account.timezone())
                            .ifPresent(end -> inside.put(user, end)));
          }
          return inside;
        };
    return new OneRoundTrip.Lookup<>(windows.sql(), windows.params(), windows.rows(), ends);
  }

  /**
   * Applies a validated change in one transaction: the categories (a ledger row for each one that
   * really changes), quiet hours and the account's time zone.
   */
  @Transactional
  public PreferencesView update(UserId user, PreferencesChange change, ConsentEvidence evidence) {
    Account account = accounts.find(user).orElseThrow(PreferencesService::unknownUser);
    Instant now = clock.instant();
    if (change.timezone() != null && !change.timezone().equals(account.timezone())) {
      accounts.updateTimezone(user, change.timezone());
    }
    StoredPreferences stored = preferences.lockOrCreate(user, now);
    for (Map.Entry<Category, Boolean> c : change.categories().entrySet()) {
      if (stored.allows(c.getKey()) != c.getValue()) {
        recorder.category(user, account.phoneNumber(), c.getKey(), c.getValue(), evidence, now);
      }
    }
    QuietHoursWindow quiet = change.quietHoursGiven() ? change.quietHours() : stored.quietHours();
    preferences.save(user, stored.with(change.categories(), quiet), now);
    return view(user);
  }

  public static ApiProblem unknownUser() {
    return ApiProblem.notFound("unknown_user", "The platform has not provisioned this user.");
  }
}
