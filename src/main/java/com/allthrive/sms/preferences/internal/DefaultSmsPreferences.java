package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.preferences.PreferencesView;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Placeholder until stored preferences exist: every category on, no opt-outs, no quiet hours. */
@Service
class DefaultSmsPreferences implements SmsPreferences {

  private final Accounts accounts;

  DefaultSmsPreferences(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public PreferencesView view(UserId user) {
    Account a =
        accounts
            .find(user)
            .orElseThrow(() -> ApiProblem.notFound("unknown_user", "The platform has not provisioned this user."));
    return new PreferencesView(
        a.phoneNumber() == null ? null : a.phoneNumber().e164(),
        a.phoneVerified(),
        a.phoneVerifiedAt(),
        true, true, true, true, true, true,
        false,
        null,
        a.timezone().getId());
  }

  @Override
  public boolean isOptedOut(PhoneNumber number) {
    return false;
  }

  @Override
  public boolean allows(UserId user, Category category) {
    return true;
  }

  @Override
  public Optional<Instant> quietHoursEnd(UserId user, Instant at) {
    return Optional.empty();
  }
}
