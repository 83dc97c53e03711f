package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the candidate for a message to a platform user, whether this service knows them or not. A
 * view with accounts read ahead ({@link #readAhead}) answers for those users without asking the
 * database again: the intake reads the accounts of all the events of a transaction at once.
 */
@Component
class Recipients {

  private final Accounts accounts;
  private final Set<UserId> readAhead;
  private final Map<UserId, Account> found;

  @Autowired
  Recipients(Accounts accounts) {
    this(accounts, Set.of(), Map.of());
  }

  private Recipients(Accounts accounts, Set<UserId> readAhead, Map<UserId, Account> found) {
    this.accounts = accounts;
    this.readAhead = readAhead;
    this.found = found;
  }

  /** These recipients with the accounts of {@code users} read now, in one query. */
  Recipients readAhead(Collection<UserId> users) {
    if (users.isEmpty()) {
      return this;
    }
    return new Recipients(accounts, Set.copyOf(users), accounts.findAll(users));
  }

  Candidate candidate(UserId user, MessageType type, Category category, Instant staleAfter) {
    Account account = readAhead.contains(user) ? found.get(user) : accounts.find(user).orElse(null);
    return candidate(user, account, type, category, staleAfter);
  }

  /** {@link #candidate} for a page of users, their accounts read at once. */
  List<Candidate> candidates(
      List<UserId> users, MessageType type, Category category, Instant staleAfter) {
    Map<UserId, Account> found = accounts.findAll(users);
    return users.stream().map(u -> candidate(u, found.get(u), type, category, staleAfter)).toList();
  }

  private static Candidate candidate(
      UserId user, Account account, MessageType type, Category category, Instant staleAfter) {
    return new Candidate(
        type,
        category,
        user,
        account,
        account == null ? null : account.phoneNumber(),
        null,
        staleAfter,
        null);
  }
}
