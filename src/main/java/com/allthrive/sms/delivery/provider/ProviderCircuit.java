package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.DeliverySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the provider may be called now. While its circuit breaker is open nothing is sent: every
 * path asks {@link #heldUntil()} before it claims a message and, when held, moves the message to
 * the moment the breaker lets a probe through, without counting an attempt. From that moment one
 * message at a time probes the provider (a new probe only after a send could have timed out); the
 * others wait. When a probe is taken the breaker closes and the {@link #onRecovery} actions release
 * every held message at once. The log says once that the provider is down and once that it is back;
 * the gauge {@code sms.provider.circuit{state}} is 1 for the current state.
 */
public final class ProviderCircuit {

  private static final Logger log = LoggerFactory.getLogger(ProviderCircuit.class);
  private static final List<CircuitBreaker.State> SHOWN =
      List.of(
          CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);

  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Duration openFor;
  private final Duration probeWait;
  private final List<Runnable> recoveryActions = new CopyOnWriteArrayList<>();
  private final AtomicReference<Instant> probeLease = new AtomicReference<>(Instant.EPOCH);
  private final AtomicReference<Instant> latestHold = new AtomicReference<>(Instant.EPOCH);
  private volatile Instant probeAt = Instant.EPOCH;

  public ProviderCircuit(DeliverySettings settings, Clock clock, MeterRegistry registry) {
    this.clock = clock;
    DeliverySettings.Breaker config = settings.breaker();
    this.openFor = config.openFor();
    this.probeWait =
        settings.twilio() == null
            ? Duration.ofSeconds(15)
            : settings.twilio().connectTimeout().plus(settings.twilio().readTimeout());
    this.breaker =
        CircuitBreaker.of(
            "sms-provider",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.window())
                .minimumNumberOfCalls(config.minimumCalls())
                .failureRateThreshold(config.failureRate())
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    breaker.getEventPublisher().onStateTransition(e -> transition(e.getStateTransition()));
    for (CircuitBreaker.State state : SHOWN) {
      Gauge.builder("sms.provider.circuit", breaker, b -> b.getState() == state ? 1 : 0)
          .description("1 for the provider circuit breaker's current state")
          .tag("state", state.name().toLowerCase())
          .register(registry);
    }
  }

  /**
   * Empty when a send may go now (the breaker is closed, or this caller is the probe); otherwise
   * the moment to look at the message again.
   */
  public Optional<Instant> heldUntil() {
    CircuitBreaker.State state = breaker.getState();
    if (state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.HALF_OPEN) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (state == CircuitBreaker.State.OPEN && now.isBefore(probeAt)) {
      return Optional.of(held(probeAt));
    }
    Instant lease = probeLease.get();
    if (!now.isBefore(lease) && probeLease.compareAndSet(lease, now.plus(probeWait))) {
      return Optional.empty();
    }
    return Optional.of(held(probeLease.get()));
  }

  /** The latest moment a message was held to: held messages are due at or before it. */
  public Instant latestHold() {
    return latestHold.get();
  }

  /** Runs {@code action} each time the provider answers again after an outage. */
  public void onRecovery(Runnable action) {
    recoveryActions.add(action);
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  private Instant held(Instant until) {
    latestHold.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    return until;
  }

  /** Once when the provider goes down, once when it is back; not for each probe. */
  private void transition(CircuitBreaker.StateTransition transition) {
    if (transition.getToState() == CircuitBreaker.State.OPEN) {
      probeAt = clock.instant().plus(openFor);
      probeLease.set(Instant.EPOCH);
    }
    if (transition == CircuitBreaker.StateTransition.CLOSED_TO_OPEN) {
      log.warn("SMS provider is failing: sends are held until it answers again");
    } else if (transition.getToState() == CircuitBreaker.State.CLOSED) {
      log.info("SMS provider is answering again: held sends resume");
      for (Runnable action : recoveryActions) {
        try {
          action.run();
        } catch (RuntimeException e) {
          log.warn("Held sends are not released at once; each goes at its own time", e);
        }
      }
    }
  }
}
