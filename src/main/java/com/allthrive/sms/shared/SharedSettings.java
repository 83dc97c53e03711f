package com.allthrive.sms.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared building blocks.
 *
 * @param secretKey the server secret ({@code SMS_SECRET_KEY}, at least 32 characters): window
 *     counters are keyed by an HMAC of their key (a phone number, a user id) under it, so the
 *     counter table holds no numbers; generated per start in demo mode when unset
 * @param demo demo mode: a missing secret is generated instead of failing the start
 * @param counterRetention how long after its start a counter window is kept; longer than any window
 *     in use (the longest is a day)
 */
@ConfigurationProperties("sms.shared")
public record SharedSettings(
    String secretKey, boolean demo, @DefaultValue("2d") Duration counterRetention) {

  @Override
  public String toString() {
    return "SharedSettings[secretKey=<hidden>, demo=" + demo + "]";
  }
}
