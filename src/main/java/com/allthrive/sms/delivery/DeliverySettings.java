package com.allthrive.sms.delivery;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the delivery module. Secrets are hidden from {@link #toString()}.
 *
 * @param provider {@code console} or {@code twilio}, chosen explicitly, never a silent fallback
 * @param publicBaseUrl this service's public URL (status callbacks, signature checks)
 * @param secretKey the key that seals bodies the log must not show in clear ({@code
 *     SMS_SECRET_KEY})
 * @param demo demo mode: a missing secret key is generated at start
 * @param twilio Twilio credentials and sender
 * @param maxAttempts sends tried before a transient failure becomes final
 * @param retryBaseDelay first backoff; it doubles each attempt, with jitter
 * @param retryMaxDelay the longest backoff
 * @param unknownOutcomeGrace how long after an unanswered send the provider is asked before
 *     resending
 * @param unknownOutcomeRecheck how often the provider is asked about an unanswered send
 * @param defaultValidity how long a message is worth sending when its type sets nothing shorter
 * @param pricePerSegment estimated price of one segment in USD ({@code SMS_PRICE_PER_SEGMENT})
 * @param immediateDispatch send a message due now on this instance right after its transaction
 *     commits, instead of waiting for the poller
 * @param immediateDispatchThreads sends that run at once on that path ({@code
 *     SMS_DISPATCH_THREADS}); 0 picks 200 on virtual threads (Java 21+) and 150 on platform
 *     threads, where 200 cost more in switching than they add (bench/README.md, "Eighth round")
 * @param immediateDispatchGrace how long the poller leaves such a message to that path; longer than
 *     one send can take (provider timeouts included)
 * @param bodyRetention how long a finished message keeps its text ({@code SMS_BODY_RETENTION});
 *     then the text goes and the row (type, status, segments, costs, times) stays
 * @param breaker when the provider counts as down and how long sends are then held
 * @param senderRateLimit sends per second per sender, across every instance ({@code
 *     SMS_SENDER_RATE_LIMIT}); 0 for no limit
 * @param statementBatch claims and results of concurrent sends written in one statement at most
 *     ({@code SMS_DISPATCH_BATCH}); 1 writes each alone
 * @param statementPace the least time between the starts of two such statements of one kind ({@code
 *     SMS_DISPATCH_BATCH_PACE}; {@link com.allthrive.sms.shared.BatchPace}); 0 starts each as soon
 *     as the one before has ended
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
    @DefaultValue("10s") Duration unknownOutcomeRecheck,
    @DefaultValue("4h") Duration defaultValidity,
    @DefaultValue("0.0083") BigDecimal pricePerSegment,
    @DefaultValue("true") boolean immediateDispatch,
    @DefaultValue("0") int immediateDispatchThreads,
    @DefaultValue("30s") Duration immediateDispatchGrace,
    @DefaultValue("90d") Duration bodyRetention,
    @DefaultValue Breaker breaker,
    @DefaultValue("0") double senderRateLimit,
    @DefaultValue("64") int statementBatch,
    @DefaultValue("10ms") Duration statementPace) {

  /**
   * The provider's circuit breaker: when {@code failureRate} percent of the last {@code window}
   * sends (at least {@code minimumCalls}) failed transiently or went unanswered, no send is tried
   * for {@code openFor} ({@code SMS_PROVIDER_BREAKER_OPEN_FOR}); then one message probes the
   * provider and, when it is taken, every held message is released.
   */
  public record Breaker(
      @DefaultValue("30s") Duration openFor,
      @DefaultValue("50") int window,
      @DefaultValue("20") int minimumCalls,
      @DefaultValue("50") float failureRate) {}

  /** The SMS providers. */
  public enum Provider {
    CONSOLE,
    TWILIO
  }

  /**
   * Twilio's settings; either {@code phoneNumber} or {@code messagingServiceSid} is the sender (the
   * messaging service wins when both are set).
   *
   * @param maxConnections open connections to Twilio at most; at least the send threads of both
   *     paths together
   */
  public record Twilio(
      String accountSid,
      String authToken,
      String phoneNumber,
      String messagingServiceSid,
      @DefaultValue("https://api.twilio.com") String apiBaseUrl,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout,
      @DefaultValue("300") int maxConnections) {

    @Override
    public String toString() {
      return "Twilio[accountSid="
          + accountSid
          + ", sender="
          + (messagingServiceSid != null && !messagingServiceSid.isBlank()
              ? messagingServiceSid
              : "number")
          + ", apiBaseUrl="
          + apiBaseUrl
          + "]";
    }
  }

  /** The public base URL without a trailing slash. */
  public String baseUrl() {
    return publicBaseUrl.endsWith("/")
        ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }

  @Override
  public String toString() {
    return "DeliverySettings[provider="
        + provider
        + ", publicBaseUrl="
        + publicBaseUrl
        + ", twilio="
        + twilio
        + ", maxAttempts="
        + maxAttempts
        + "]";
  }
}
