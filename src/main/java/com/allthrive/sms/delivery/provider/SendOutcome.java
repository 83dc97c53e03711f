package com.allthrive.sms.delivery.provider;

/** What became of one send. */
public sealed interface SendOutcome {

  /** The provider took the message and gave it this id. */
  record Accepted(String providerMessageId) implements SendOutcome {}

  /**
   * The provider did not take it. A transient failure may be retried; a permanent one must not.
   * {@code attempted} is false when the request never left (an open circuit breaker), so it does
   * not count as an attempt.
   */
  record Failed(boolean permanent, String errorCode, String errorMessage, boolean attempted)
      implements SendOutcome {

    public static Failed permanent(String code, String message) {
      return new Failed(true, code, message, true);
    }

    public static Failed transientError(String code, String message) {
      return new Failed(false, code, message, true);
    }

    /** The error code of a send refused by the open circuit breaker. */
    public static final String CIRCUIT_OPEN = "circuit_open";

    /** Refused by the open circuit breaker: no request left, no attempt counted. */
    public static Failed circuitOpen() {
      return new Failed(false, CIRCUIT_OPEN, "provider circuit breaker is open", false);
    }

    public boolean held() {
      return CIRCUIT_OPEN.equals(errorCode);
    }

    public boolean optOut() {
      return TwilioErrors.OPTED_OUT.equals(errorCode);
    }
  }

  /** The request left but no answer came back: the message may or may not have been taken. */
  record Unknown(String reason) implements SendOutcome {}
}
