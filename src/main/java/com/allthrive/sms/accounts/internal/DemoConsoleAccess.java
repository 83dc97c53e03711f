package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.AccountsSettings;
import com.allthrive.sms.accounts.DemoAccess;
import com.allthrive.sms.shared.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class DemoConsoleAccess implements DemoAccess {

  private final AccountsSettings settings;
  private final CallerKeys keys;
  private final AccountService accounts;

  DemoConsoleAccess(AccountsSettings settings, CallerKeys keys, AccountService accounts) {
    this.settings = settings;
    this.keys = keys;
    this.accounts = accounts;
  }

  @Override
  public boolean enabled() {
    return settings.demo();
  }

  @Override
  public Optional<String> platformKey() {
    return Optional.ofNullable(keys.demoPlatformKey());
  }

  @Override
  public Optional<String> adminKey() {
    return Optional.ofNullable(keys.demoAdminKey());
  }

  @Override
  public List<Account> users() {
    if (!settings.demo()) {
      return List.of();
    }
    return DemoUsers.USERS.stream()
        .map(u -> accounts.find(new UserId(u.id())))
        .flatMap(Optional::stream)
        .toList();
  }
}
