package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
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
    Account account = accounts.find(user).orElse(null);
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
