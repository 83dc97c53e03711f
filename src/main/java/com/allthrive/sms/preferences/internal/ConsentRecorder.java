package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.accounts.PhoneNumberChanged;
import com.allthrive.sms.accounts.PhoneVerified;
import com.allthrive.sms.delivery.SmsCancellations;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes every consent change to the ledger, and keeps the opt-out list. Every method joins the
 * caller's transaction, so a row commits with the change it records, or not at all.
 */
@Component
class ConsentRecorder {

  private final ConsentLedger ledger;
  private final OptOutList optOuts;
  private final Accounts accounts;
  private final SmsCancellations cancellations;

  ConsentRecorder(
      ConsentLedger ledger, OptOutList optOuts, Accounts accounts, SmsCancellations cancellations) {
    this.ledger = ledger;
    this.optOuts = optOuts;
    this.accounts = accounts;
    this.cancellations = cancellations;
  }

  /** Verifying a number is the user's opt-in for it. */
  void verified(PhoneVerified event) {
    ConsentEvidence evidence = event.evidence();
    ConsentEntry entry =
        ConsentEntry.of(
            event.number(), event.user(), ConsentAction.OPT_IN, ConsentMethod.WEB, event.at());
    ledger.append(
        evidence == null
            ? entry
            : entry.withEvidence(evidence.ip(), evidence.userAgent(), evidence.disclosureText()));
  }

  /** A replaced or removed number takes its consent with it; a first number has none to end. */
  void numberChanged(PhoneNumberChanged event) {
    if (event.previous() == null) {
      return;
    }
    ConsentAction action =
        event.current() == null ? ConsentAction.NUMBER_REMOVED : ConsentAction.NUMBER_CHANGED;
    ConsentMethod method = "api".equals(event.method()) ? ConsentMethod.API : ConsentMethod.WEB;
    ledger.append(ConsentEntry.of(event.previous(), event.user(), action, method, event.at()));
  }

  void category(
      UserId user,
      PhoneNumber number,
      Category category,
      boolean on,
      ConsentEvidence evidence,
      Instant at) {
    ConsentAction action = on ? ConsentAction.CATEGORY_ON : ConsentAction.CATEGORY_OFF;
    ledger.append(
        ConsentEntry.of(number, user, action, ConsentMethod.WEB, at)
            .withCategory(category.code())
            .withEvidence(evidence.ip(), evidence.userAgent(), evidence.disclosureText()));
  }

  /**
   * Puts the number on the opt-out list and cancels every message still waiting for it. A keyword
   * is always recorded (it is the person's own statement); a provider report only when it is news.
   */
  void optOut(
      PhoneNumber number, ConsentMethod method, String reference, String shown, Instant at) {
    boolean added = optOuts.add(number, method, at);
    cancellations.cancelWaitingTo(number, "opted_out");
    if (added || method == ConsentMethod.SMS_KEYWORD) {
      perAccount(number, ConsentAction.OPT_OUT, method, reference, shown, at);
    }
  }

  /** START: takes the number off the opt-out list. */
  void optIn(PhoneNumber number, String reference, String shown, Instant at) {
    optOuts.remove(number);
    perAccount(number, ConsentAction.OPT_IN, ConsentMethod.SMS_KEYWORD, reference, shown, at);
  }

  /** Erasure: the user's rows no longer name them (see the package documentation). */
  void forget(UserId user) {
    ledger.anonymize(user);
  }

  /** One row per account using the number, or one row without a user when none does. */
  private void perAccount(
      PhoneNumber number,
      ConsentAction action,
      ConsentMethod method,
      String reference,
      String shown,
      Instant at) {
    List<UserId> users = accounts.findByPhone(number).stream().map(Account::id).toList();
    for (UserId user : users.isEmpty() ? Collections.<UserId>singletonList(null) : users) {
      ledger.append(
          ConsentEntry.of(number, user, action, method, at)
              .withEvidence(null, null, shown)
              .withReference(reference));
    }
  }
}
