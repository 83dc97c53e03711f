package com.allthrive.sms.verification;

import com.allthrive.sms.support.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A settable clock (set in the future, so queued texts are never due for real), recorded codes and
 * recorded {@code PhoneVerified} events.
 */
@TestConfiguration(proxyBeanMethods = false)
class VerificationTestConfiguration {

  static final Instant START = Instant.parse("2031-03-03T00:00:00Z");

  @Bean
  @Primary
  MutableClock mutableClock() {
    return new MutableClock(START);
  }

  @Bean
  @Primary
  RecordingCodeGenerator recordingCodeGenerator() {
    return new RecordingCodeGenerator();
  }

  @Bean
  VerifiedEvents verifiedEvents() {
    return new VerifiedEvents();
  }
}
