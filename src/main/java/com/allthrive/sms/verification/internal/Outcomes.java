package com.allthrive.sms.verification.internal;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.time.Instant;

/** The expected outcomes of asking for a code and of submitting one. */
public final class Outcomes {

  private Outcomes() {}

  /** Who is asking: the token's user and where the request came from (consent evidence). */
  public record Caller(UserId user, String ip, String userAgent) {}

  /** The outcome of asking for a code. */
  public sealed interface IssueResult permits Sent, Refused {}

  /** The outcome of submitting a code. */
  public sealed interface CheckResult permits Verified, WrongCode, Refused {}

  /** A new code is on its way to {@code number}. */
  public record Sent(PhoneNumber number, Instant expiresAt, Instant resendAvailableAt)
      implements IssueResult {}

  /** The number is verified. */
  public record Verified(PhoneNumber number, Instant at) implements CheckResult {}

  /** The code was wrong; {@code attemptsLeft} more may be tried. */
  public record WrongCode(int attemptsLeft) implements CheckResult {}

  /** Refused; {@code retryAfter} is set when waiting helps. */
  public record Refused(Refusal reason, Duration retryAfter) implements IssueResult, CheckResult {

    static Refused because(Refusal reason) {
      return new Refused(reason, null);
    }
  }
}
