package com.allthrive.sms.verification.internal;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.Accounts.VerifyOutcome;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.verification.VerificationSettings;
import com.allthrive.sms.verification.internal.Outcomes.Caller;
import com.allthrive.sms.verification.internal.Outcomes.CheckResult;
import com.allthrive.sms.verification.internal.Outcomes.Refused;
import com.allthrive.sms.verification.internal.Outcomes.Verified;
import com.allthrive.sms.verification.internal.Outcomes.WrongCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a submitted code against the user's live code, in one transaction that holds the account's
 * row lock: of concurrent submissions exactly one can spend a code. Wrong attempts are committed;
 * the attempt after the last allowed one fails even with the right code.
 */
@Service
public class CodeChecker {

  private static final Logger log = LoggerFactory.getLogger(CodeChecker.class);
  private static final int MAX_USER_AGENT = 500;

  private final Accounts accounts;
  private final PendingCodes codes;
  private final CodeHasher hasher;
  private final VerificationSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;

  CodeChecker(
      Accounts accounts,
      PendingCodes codes,
      CodeHasher hasher,
      VerificationSettings settings,
      TransactionTemplate tx,
      Clock clock) {
    this.accounts = accounts;
    this.codes = codes;
    this.hasher = hasher;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
  }

  /** Checks a well-formed code (see {@link VerificationCode#isWellFormed}). */
  public CheckResult verify(Caller caller, String submitted) {
    CheckResult result;
    try {
      result = tx.execute(status -> check(caller, submitted, clock.instant()));
    } catch (DataIntegrityViolationException e) {
      // another account verified the same number in a concurrent transaction
      result = Refused.because(Refusal.NUMBER_TAKEN);
    }
    log(caller, result);
    return result;
  }

  private CheckResult check(Caller caller, String submitted, Instant now) {
    if (accounts.findForUpdate(caller.user()).isEmpty()) {
      return Refused.because(Refusal.UNKNOWN_USER);
    }
    Optional<PendingCode> state = codes.lock(caller.user()).filter(PendingCode::isLive);
    if (state.isEmpty()) {
      return Refused.because(Refusal.NO_PENDING_CODE);
    }
    PendingCode code = state.get();
    if (code.attempts() >= settings.maxAttempts()) {
      return new Refused(Refusal.TOO_MANY_ATTEMPTS, untilNewCode(code, now));
    }
    if (code.isExpired(now)) {
      return Refused.because(Refusal.CODE_EXPIRED);
    }
    if (!hasher.matches(caller.user(), code.number(), submitted, code.codeHmac())) {
      return new WrongCode(settings.maxAttempts() - codes.countWrongAttempt(code, now));
    }
    if (!codes.consume(code, now)) {
      return Refused.because(Refusal.NO_PENDING_CODE);
    }
    return mark(caller, code, now);
  }

  private CheckResult mark(Caller caller, PendingCode code, Instant now) {
    VerifyOutcome outcome =
        accounts.markVerified(caller.user(), code.number(), now, evidence(caller));
    switch (outcome) {
      case VERIFIED:
        return new Verified(code.number(), now);
      case NUMBER_CHANGED:
        return Refused.because(Refusal.NUMBER_CHANGED);
      case TAKEN_BY_OTHER_ACCOUNT:
        return Refused.because(Refusal.NUMBER_TAKEN);
      default:
        return Refused.because(Refusal.UNKNOWN_USER);
    }
  }

  private ConsentEvidence evidence(Caller caller) {
    String agent = caller.userAgent();
    if (agent != null && agent.length() > MAX_USER_AGENT) {
      agent = agent.substring(0, MAX_USER_AGENT);
    }
    return new ConsentEvidence(caller.ip(), agent, settings.disclosureText());
  }

  /** A locked code is dead; the user may try again once a new code can be requested. */
  private static Duration untilNewCode(PendingCode code, Instant now) {
    Duration wait = Duration.between(now, code.resendAvailableAt());
    return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
  }

  private static void log(Caller caller, CheckResult result) {
    if (result instanceof Verified verified) {
      log.info("Verified {} for user {}", verified.number(), caller.user());
    } else if (result instanceof WrongCode wrong) {
      log.info(
          "Wrong verification code for user {}, {} attempts left",
          caller.user(),
          wrong.attemptsLeft());
    } else if (result instanceof Refused refused) {
      log.info(
          "Refused a verification code check for user {}: {}",
          caller.user(),
          refused.reason().code());
    }
  }
}
