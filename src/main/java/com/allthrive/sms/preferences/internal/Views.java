package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.preferences.PreferencesView;
import com.allthrive.sms.preferences.PreferencesView.QuietHours;
import com.allthrive.sms.shared.UserSmsQuota;

final class Views {

  private Views() {}

  static PreferencesView of(
      Account account,
      StoredPreferences stored,
      boolean optedOut,
      UserSmsQuota.Remaining remaining) {
    QuietHoursWindow quiet = stored.quietHours();
    return new PreferencesView(
        account.phoneNumber() == null ? null : account.phoneNumber().e164(),
        account.phoneVerified(),
        account.phoneVerifiedAt(),
        stored.allows(Category.INVITATIONS),
        stored.allows(Category.DIRECT_MESSAGES),
        stored.allows(Category.BATTLE_RESULTS),
        stored.allows(Category.ACHIEVEMENT_UNLOCKS),
        stored.allows(Category.CHALLENGE_REMINDERS),
        true,
        optedOut,
        quiet == null ? null : new QuietHours(quiet.start(), quiet.end()),
        account.timezone().getId(),
        account.pendingPhone() == null ? null : account.pendingPhone().e164(),
        remaining.thisHour(),
        remaining.today());
  }
}
