package com.allthrive.sms.verification.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.Accounts.PhoneClaim;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.PhoneNumbers;
import com.allthrive.sms.verification.VerificationSettings;
import com.allthrive.sms.verification.internal.Outcomes.Caller;
import com.allthrive.sms.verification.internal.Outcomes.IssueResult;
import com.allthrive.sms.verification.internal.Outcomes.Refused;
import com.allthrive.sms.verification.internal.Outcomes.Sent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a user a new code for a number, in one transaction: the number becomes the account's
 * current one (unverified when it is new), checks follow (country, ownership, cooldown, counters),
 * the code replaces any earlier one, and its SMS is queued. A refusal rolls everything back,
 * counters included.
 */
@Service
public class CodeIssuer {

  private static final Logger log = LoggerFactory.getLogger(CodeIssuer.class);

  private final Accounts accounts;
  private final PendingCodes codes;
  private final AbuseLimits limits;
  private final CodeGenerator generator;
  private final CodeHasher hasher;
  private final CodeMessages messages;
  private final SmsOutbox outbox;
  private final SmsPreferences preferences;
  private final VerificationSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;

  CodeIssuer(
      Accounts accounts,
      PendingCodes codes,
      AbuseLimits limits,
      CodeGenerator generator,
      CodeHasher hasher,
      CodeMessages messages,
      SmsOutbox outbox,
      SmsPreferences preferences,
      VerificationSettings settings,
      TransactionTemplate tx,
      Clock clock) {
    this.accounts = accounts;
    this.codes = codes;
    this.limits = limits;
    this.generator = generator;
    this.hasher = hasher;
    this.messages = messages;
    this.outbox = outbox;
    this.preferences = preferences;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
  }

  public IssueResult request(Caller caller, PhoneNumbers.Valid number) {
    IssueResult result =
        settings.allowsCountry(number.region())
            ? tx.execute(
                status -> {
                  IssueResult r = issue(caller, number.number());
                  if (r instanceof Refused) {
                    status.setRollbackOnly();
                  }
                  return r;
                })
            : Refused.because(Refusal.COUNTRY_NOT_ALLOWED);
    if (result instanceof Refused refused) {
      log.info(
          "Refused a verification code for user {} to {}: {}",
          caller.user(),
          number.number(),
          refused.reason().code());
    }
    return result;
  }

  /**
   * The number becomes the account's current one first (which also locks the account, or fails with
   * 404 for an unknown user); a refusal afterwards rolls that back with everything else.
   */
  private IssueResult issue(Caller caller, PhoneNumber number) {
    Instant now = clock.instant();
    PhoneClaim claim = accounts.claimPhone(caller.user(), number);
    Optional<PendingCode> state = codes.lock(caller.user());
    Optional<Refused> refused =
        ownership(claim, number)
            .or(() -> optedOut(number))
            .or(() -> limits.cooldown(state, now))
            .or(() -> limits.take(caller, number));
    if (refused.isPresent()) {
      return refused.get();
    }
    return send(caller, number, state, now);
  }

  private Optional<Refused> ownership(PhoneClaim claim, PhoneNumber number) {
    Account account = claim.account();
    if (account.hasVerifiedPhone() && number.equals(account.phoneNumber())) {
      return Optional.of(Refused.because(Refusal.ALREADY_VERIFIED));
    }
    if (claim.verifiedByAnother()) {
      return Optional.of(Refused.because(Refusal.NUMBER_TAKEN));
    }
    return Optional.empty();
  }

  /** A number on the opt-out list gets no code (Twilio would refuse it with 21610 anyway). */
  private Optional<Refused> optedOut(PhoneNumber number) {
    return preferences.isOptedOut(number)
        ? Optional.of(Refused.because(Refusal.NUMBER_OPTED_OUT))
        : Optional.empty();
  }

  /** The code's SMS is queued, or refused by the day's spend cap (the reserve is used up). */
  private IssueResult send(
      Caller caller, PhoneNumber number, Optional<PendingCode> state, Instant now) {
    VerificationCode code = generator.next();
    int streak = limits.nextStreak(state, now);
    // the id is drawn by save's own statement, one round trip fewer
    PendingCode pending =
        new PendingCode(
            caller.user(),
            null,
            number,
            hasher.hash(caller.user(), number, code),
            now.plus(settings.codeTtl()),
            0,
            streak,
            now,
            now.plus(limits.cooldownAfter(streak)));
    long codeId = codes.save(pending, state.isPresent(), now);
    if (outbox.enqueue(messages.of(caller.user(), number, code, codeId)).overBudget()) {
      return new Refused(Refusal.BUDGET_EXHAUSTED, untilTomorrow(now));
    }
    log.info("Sent verification code {} to {} for user {}", codeId, number, caller.user());
    return new Sent(number, pending.expiresAt(), pending.resendAvailableAt());
  }

  private static java.time.Duration untilTomorrow(Instant now) {
    Instant midnight =
        now.atOffset(java.time.ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();
    return java.time.Duration.between(now, midnight);
  }
}
