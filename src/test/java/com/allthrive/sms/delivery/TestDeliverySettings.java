package com.allthrive.sms.delivery;

import java.math.BigDecimal;
import java.time.Duration;

/** Delivery settings with the service's defaults, for tests that build providers by hand. */
public final class TestDeliverySettings {

  private TestDeliverySettings() {}

  /** The defaults of {@code application.yml} with the Twilio provider. */
  public static DeliverySettings twilio(String publicBaseUrl, DeliverySettings.Twilio twilio) {
    return new DeliverySettings(
        DeliverySettings.Provider.TWILIO,
        publicBaseUrl,
        null,
        true,
        twilio,
        6,
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofHours(4),
        new BigDecimal("0.0083"),
        true,
        10,
        Duration.ofSeconds(30),
        Duration.ofDays(90),
        new DeliverySettings.Breaker(Duration.ofSeconds(30), 50, 20, 50),
        0,
        64,
        Duration.ofMillis(10));
  }
}
