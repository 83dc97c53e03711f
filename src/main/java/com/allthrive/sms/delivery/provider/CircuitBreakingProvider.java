package com.allthrive.sms.delivery.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a provider that keeps failing: when half of the last 50 sends (at least 20) failed
 * transiently or went unanswered, sends are refused for 30 s without a request, as transient
 * failures that do not count as attempts. Permanent refusals (a bad number) prove the provider
 * works and count as successes.
 */
final class CircuitBreakingProvider implements SmsProvider {

  private static final Logger log = LoggerFactory.getLogger(CircuitBreakingProvider.class);

  private final SmsProvider delegate;
  private final CircuitBreaker breaker;

  CircuitBreakingProvider(SmsProvider delegate) {
    this.delegate = delegate;
    this.breaker =
        CircuitBreaker.of(
            "sms-provider",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(50)
                .minimumNumberOfCalls(20)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(5)
                .build());
    breaker.getEventPublisher().onStateTransition(e -> logTransition(e.getStateTransition()));
  }

  /** Once when the provider goes down, once when it is back; not for each half-open probe. */
  private static void logTransition(CircuitBreaker.StateTransition transition) {
    if (transition == CircuitBreaker.StateTransition.CLOSED_TO_OPEN) {
      log.warn("SMS provider is failing: sends are held until it answers again");
    } else if (transition.getToState() == CircuitBreaker.State.CLOSED) {
      log.info("SMS provider is answering again: held sends resume");
    }
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public SendOutcome send(SendRequest request) {
    if (!breaker.tryAcquirePermission()) {
      return new SendOutcome.Failed(
          false, "circuit_open", "provider circuit breaker is open", false);
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
