package com.allthrive.sms.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the delivery module. Secrets are hidden from {@link #toString()}.
 *
 * @param provider {@code console} or {@code twilio}, chosen explicitly, never a silent fallback
 * @param publicBaseUrl this service's public URL (status callbacks, signature checks)
 * @param secretKey the key that seals bodies the log must not show in clear ({@code SMS_SECRET_KEY})
 * @param demo demo mode: a missing secret key is generated at start
 * @param twilio Twilio credentials and sender
 * @param maxAttempts sends tried before a transient failure becomes final
 * @param retryBaseDelay first backoff; it doubles each attempt, with jitter
 * @param retryMaxDelay the longest backoff
 * @param unknownOutcomeGrace how long after an unanswered send the provider is asked before resending
 * @param defaultValidity how long a message is worth sending when its type sets nothing shorter
 */
@ConfigurationProperties("sms.delivery")
public record DeliverySettings(
    @DefaultValue("console") Provider provider,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    String secretKey,
    @DefaultValue("true") boolean demo,
    @DefaultValue Twilio twilio,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("5s") Duration retryBaseDelay,
    @DefaultValue("10m") Duration retryMaxDelay,
    @DefaultValue("60s") Duration unknownOutcomeGrace,
    @DefaultValue("4h") Duration defaultValidity) {

  /** The SMS providers. */
  public enum Provider {
    CONSOLE,
    TWILIO
  }

  /** Twilio's settings; either {@code phoneNumber} or {@code messagingServiceSid} is the sender. */
  public record Twilio(
      String accountSid,
      String authToken,
      String phoneNumber,
      String messagingServiceSid,
      @DefaultValue("https://api.twilio.com") String apiBaseUrl,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout) {

    @Override
    public String toString() {
      return "Twilio[accountSid=" + accountSid + ", sender="
          + (messagingServiceSid != null && !messagingServiceSid.isBlank() ? messagingServiceSid : "number")
          + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
  }

  @Override
  public String toString() {
    return "DeliverySettings[provider=" + provider + ", publicBaseUrl=" + publicBaseUrl
        + ", twilio=" + twilio + ", maxAttempts=" + maxAttempts + "]";
  }
}
