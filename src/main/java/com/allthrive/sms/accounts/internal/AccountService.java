package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.AccountErased;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.accounts.PhoneNumberChanged;
import com.allthrive.sms.accounts.PhoneVerified;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, and the operations its web adapter needs (public only for that sub-package). */
@Service
public class AccountService implements Accounts {

  private final AccountRepository accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountService(AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Optional<Account> find(UserId id) {
    return accounts.find(id, false);
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Account> findForUpdate(UserId id) {
    return accounts.find(id, true);
  }

  @Override
  public Map<UserId, Account> findAll(Collection<UserId> ids) {
    return accounts.findAll(ids);
  }

  @Override
  public List<Account> findByPhone(PhoneNumber number) {
    return accounts.findByPhone(number);
  }

  @Override
  public OneRoundTrip.Lookup<Map<PhoneNumber, List<Account>>> findByPhones(
      Collection<PhoneNumber> numbers) {
    return accounts.findByPhones(numbers);
  }

  @Override
  @Transactional
  public VerifyOutcome markVerified(
      UserId id, PhoneNumber number, Instant at, ConsentEvidence evidence) {
    Optional<Account> account = accounts.find(id, true);
    if (account.isEmpty()) {
      return VerifyOutcome.UNKNOWN_ACCOUNT;
    }
    PhoneNumber current = account.get().phoneNumber();
    if (!number.equals(current) && !number.equals(account.get().pendingPhone())) {
      return VerifyOutcome.NUMBER_CHANGED;
    }
    if (verifiedByAnother(number, id)) {
      return VerifyOutcome.TAKEN_BY_OTHER_ACCOUNT;
    }
    if (current != null && !number.equals(current)) {
      // the pending number takes over from the one in use: the ledger ends the old one's consent
      events.publishEvent(new PhoneNumberChanged(id, current, number, "web", at));
    }
    accounts.markVerified(id, number, at);
    events.publishEvent(new PhoneVerified(id, number, at, evidence));
    return VerifyOutcome.VERIFIED;
  }

  private boolean verifiedByAnother(PhoneNumber number, UserId except) {
    return accounts.verifiedOwner(number).filter(owner -> !owner.equals(except)).isPresent();
  }

  @Override
  @Transactional
  public boolean updateTimezone(UserId id, ZoneId zone) {
    return accounts.updateTimezone(id, zone, clock.instant()) == 1;
  }

  /** The platform's upsert; a number it sends that differs from the stored one is unverified. */
  @Transactional
  public Account upsert(
      UserId id, String username, String displayName, ZoneId zone, PhoneNumber phone) {
    Instant now = clock.instant();
    Optional<Account> existing = accounts.find(id, true);
    if (existing.isEmpty()) {
      accounts.insert(id, username, displayName, zone, now);
    } else {
      accounts.updateProfile(id, username, displayName, zone, now);
    }
    PhoneNumber previous = existing.map(Account::phoneNumber).orElse(null);
    if (phone != null && !phone.equals(previous)) {
      changePhone(id, previous, phone, null, "api", now);
    }
    return accounts.find(id, false).orElseThrow();
  }

  @Override
  @Transactional
  public Account setPhone(UserId id, PhoneNumber phone) {
    return withPhone(accounts.find(id, true).orElseThrow(() -> unknown(id)), phone, null);
  }

  @Override
  @Transactional
  public PhoneClaim claimPhone(UserId id, PhoneNumber phone) {
    PhoneClaim found = accounts.lockWithOwnership(id, phone).orElseThrow(() -> unknown(id));
    Account account = found.account();
    if (account.hasVerifiedPhone() && !phone.equals(account.phoneNumber())) {
      accounts.setPending(id, phone, clock.instant());
      return new PhoneClaim(withPending(account, phone), found.verifiedByAnother());
    }
    return new PhoneClaim(withPhone(account, phone, phone), found.verifiedByAnother());
  }

  private static Account withPending(Account account, PhoneNumber pending) {
    return new Account(
        account.id(),
        account.username(),
        account.displayName(),
        account.timezone(),
        account.phoneNumber(),
        account.phoneVerified(),
        account.phoneVerifiedAt(),
        pending);
  }

  /**
   * The locked account with {@code phone} as its number: a new number starts unverified; {@code
   * pending} is the number a code is asked for, if any.
   */
  private Account withPhone(Account account, PhoneNumber phone, PhoneNumber pending) {
    if (Objects.equals(account.phoneNumber(), phone)) {
      if (pending != null && !pending.equals(account.pendingPhone())) {
        accounts.setPending(account.id(), pending, clock.instant());
        return withPending(account, pending);
      }
      return account;
    }
    changePhone(account.id(), account.phoneNumber(), phone, pending, "web", clock.instant());
    return new Account(
        account.id(),
        account.username(),
        account.displayName(),
        account.timezone(),
        phone,
        false,
        null,
        pending);
  }

  @Transactional
  public boolean erase(UserId id) {
    if (accounts.find(id, true).isEmpty()) {
      return false;
    }
    events.publishEvent(new AccountErased(id, clock.instant()));
    accounts.delete(id);
    return true;
  }

  static ApiProblem unknown(UserId id) {
    return ApiProblem.notFound("unknown_user", "The platform has not provisioned this user.");
  }

  private void changePhone(
      UserId id,
      PhoneNumber previous,
      PhoneNumber current,
      PhoneNumber pending,
      String method,
      Instant now) {
    accounts.setPhone(id, current, pending, now);
    events.publishEvent(new PhoneNumberChanged(id, previous, current, method, now));
  }
}
