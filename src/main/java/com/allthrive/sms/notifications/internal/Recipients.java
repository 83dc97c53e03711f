package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds the candidate for a message to a platform user, whether this service knows them or not.
 */
@Component
class Recipients {

  private final Accounts accounts;

  Recipients(Accounts accounts) {
    this.accounts = accounts;
  }

  Candidate candidate(UserId user, MessageType type, Category category, Instant staleAfter) {
    return candidate(user, accounts.find(user).orElse(null), type, category, staleAfter);
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
