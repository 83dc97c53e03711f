package com.allthrive.sms.delivery.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Stops calling a provider that keeps failing (see {@link ProviderCircuit}): by default, when half
 * of the last 50 sends (at least 20) failed transiently or went unanswered, sends are refused for
 * 30 s without a request, as transient failures that do not count as attempts ({@link
 * SendOutcome.Failed#circuitOpen()}). Permanent refusals (a bad number) prove the provider works
 * and count as successes.
 */
final class CircuitBreakingProvider implements SmsProvider {

  private final SmsProvider delegate;
  private final CircuitBreaker breaker;

  CircuitBreakingProvider(SmsProvider delegate, ProviderCircuit circuit) {
    this.delegate = delegate;
    this.breaker = circuit.breaker();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public SendOutcome send(SendRequest request) {
    if (!breaker.tryAcquirePermission()) {
      return SendOutcome.Failed.circuitOpen();
    }
    long start = breaker.getCurrentTimestamp();
    SendOutcome outcome = delegate.send(request);
    long took = breaker.getCurrentTimestamp() - start;
    if (troubled(outcome)) {
      breaker.onError(took, breaker.getTimestampUnit(), new ProviderTrouble(outcome.toString()));
    } else {
      breaker.onSuccess(took, breaker.getTimestampUnit());
    }
    return outcome;
  }

  @Override
  public LookupOutcome lookup(LookupRequest request) {
    return delegate.lookup(request);
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  private static boolean troubled(SendOutcome outcome) {
    return outcome instanceof SendOutcome.Unknown
        || (outcome instanceof SendOutcome.Failed failed && !failed.permanent());
  }

  /** What the breaker records for a troubled send; never thrown. */
  private static final class ProviderTrouble extends RuntimeException {
    ProviderTrouble(String message) {
      super(message, null, false, false);
    }
  }
}
