package com.allthrive.sms.delivery.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The provider in health ({@code smsProvider}, part of readiness): which provider is configured (an
 * incomplete Twilio configuration already fails the start) and its circuit breaker's state. An open
 * breaker is reported in the details but keeps the status {@code UP}: the service still takes
 * events and codes in and sends them once the provider is back, so the load balancer must not take
 * every instance out during a provider outage. Alert on the state instead.
 */
@Component("smsProviderHealthIndicator")
class ProviderHealth implements HealthIndicator {

  private final SmsProvider provider;

  ProviderHealth(SmsProvider provider) {
    this.provider = provider;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up().withDetail("provider", provider.name());
    if (provider instanceof CircuitBreakingProvider breaking) {
      CircuitBreaker.State state = breaking.state();
      health.withDetail("circuit", state.name().toLowerCase());
    }
    return health.build();
  }
}
