package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.preferences.SmsPreferences;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 3: the recipient's category preference. Security alerts have none. An invitation to a raw
 * number is refused when any account holding that number has switched invitations off.
 */
class CategoryEnabled implements Rule {

  private final SmsPreferences preferences;
  private final Accounts accounts;

  CategoryEnabled(SmsPreferences preferences, Accounts accounts) {
    this.preferences = preferences;
    this.accounts = accounts;
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
}
