package com.allthrive.sms.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests move by hand. */
public final class MutableClock extends Clock {

  /** Imported by a test: the application's clock is a {@link MutableClock} that starts now. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class StartingNow {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock(Instant.now());
    }
  }

  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public void set(Instant instant) {
    this.now = instant;
  }

  public void advance(Duration by) {
    this.now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
