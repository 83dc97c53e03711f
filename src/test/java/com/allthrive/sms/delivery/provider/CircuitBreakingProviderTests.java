package com.allthrive.sms.delivery.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.TestDeliverySettings;
import com.allthrive.sms.delivery.provider.SendOutcome.Failed;
import com.allthrive.sms.shared.PhoneNumber;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakingProviderTests {

  private final AtomicInteger calls = new AtomicInteger();
  private SendOutcome answer = Failed.transientError("20500", "Internal Server Error");

  private final CircuitBreakingProvider provider =
      new CircuitBreakingProvider(
          new SmsProvider() {
            @Override
            public String name() {
              return "stub";
            }

            @Override
            public SendOutcome send(SendRequest request) {
              calls.incrementAndGet();
              return answer;
            }

            @Override
            public LookupOutcome lookup(LookupRequest request) {
              return new LookupOutcome.NotFound();
            }
          },
          new ProviderCircuit(
              TestDeliverySettings.twilio("https://sms.example.test", null),
              Clock.systemUTC(),
              new SimpleMeterRegistry()));

  @Test
  void opensAfterManyTransientFailuresAndThenRefusesWithoutCallingTheProvider() {
    for (int i = 0; i < 20; i++) {
      provider.send(request());
    }

    var refused = provider.send(request());

    assertThat(provider.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(calls).hasValue(20);
    assertThat(refused)
        .isInstanceOfSatisfying(
            Failed.class,
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.attempted()).isFalse();
              assertThat(f.errorCode()).isEqualTo("circuit_open");
            });
  }

  @Test
  void staysClosedWhileTheProviderRefusesBadNumbers() {
    answer = Failed.permanent("21211", "invalid number");

    for (int i = 0; i < 40; i++) {
      provider.send(request());
    }

    assertThat(provider.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(calls).hasValue(40);
  }

  private static SendRequest request() {
    return new SendRequest(
        1, new PhoneNumber("+14155550100"), MessageType.OTHER, "x", "x", Duration.ofHours(1));
  }
}
