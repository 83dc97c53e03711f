package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 3: the recipient's category preference. Security alerts have none. An invitation to a raw
 * number is refused when any account holding that number has switched invitations off.
 */
class CategoryEnabled implements Rule {

  private final SmsPreferences preferences;
  private final Accounts accounts;
  private final OneRoundTrip roundTrip;

  CategoryEnabled(SmsPreferences preferences, Accounts accounts, OneRoundTrip roundTrip) {
    this.preferences = preferences;
    this.accounts = accounts;
    this.roundTrip = roundTrip;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (c.critical() || c.category() == null) {
      return Optional.empty();
    }
    boolean allowed =
        !c.toRawNumber()
            ? preferences.allows(c.user(), c.category())
            : accounts.findByPhone(c.to()).stream()
                .map(Account::id)
                .allMatch(id -> preferences.allows(id, c.category()));
    return allowed ? Optional.empty() : Optional.of(Verdict.skip("category_off"));
  }

  /**
   * Candidates of one category are looked up at once: users' preferences in one query, and for raw
   * numbers the accounts holding them in one more; others one by one.
   */
  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    Category category = candidates.isEmpty() ? null : candidates.get(0).category();
    boolean oneCategory =
        category != null
            && candidates.stream().allMatch(c -> c.category() == category && !c.critical());
    if (!oneCategory) {
      return Rule.super.applyAll(candidates, now, read);
    }
    List<PhoneNumber> raw =
        candidates.stream().filter(Candidate::toRawNumber).map(Candidate::to).distinct().toList();
    Map<PhoneNumber, List<Account>> holders =
        read.holders(raw).orElseGet(() -> roundTrip.one(accounts.findByPhones(raw)));
    List<UserId> users = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.toRawNumber()) {
        holders.getOrDefault(c.to(), List.of()).forEach(a -> users.add(a.id()));
      } else {
        users.add(c.user());
      }
    }
    Set<UserId> off =
        read.notAllowing(users, category)
            .orElseGet(() -> roundTrip.one(preferences.notAllowing(users, category)));
    return candidates.stream()
        .map(
            c -> {
              boolean refused =
                  c.toRawNumber()
                      ? holders.getOrDefault(c.to(), List.of()).stream()
                          .anyMatch(a -> off.contains(a.id()))
                      : off.contains(c.user());
              return refused
                  ? Optional.of(Verdict.skip("category_off"))
                  : Optional.<Verdict>empty();
            })
        .toList();
  }
}
