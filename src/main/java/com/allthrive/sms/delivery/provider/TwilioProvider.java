package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.provider.LookupOutcome.Match;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sends through Twilio's Messages API with the official SDK. Each message carries a status callback
 * URL with its own id ({@code ?m=}), so callbacks find it even when the send's answer was lost, and
 * a validity period that matches the message's remaining worth.
 */
final class TwilioProvider implements SmsProvider {

  /** Twilio accepts validity periods of 1 to 36,000 seconds. */
  static final long MAX_VALIDITY_SECONDS = 36_000;

  /** How far Twilio's clock may be behind ours when matching a lost send by time. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final TwilioRestClient client;
  private final DeliverySettings.Twilio twilio;
  private final String callbackUrl;

  TwilioProvider(DeliverySettings settings) {
    this.twilio = settings.twilio();
    this.client =
        new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
            .accountSid(twilio.accountSid())
            .httpClient(new TwilioHttpClient(twilio))
            .build();
    this.callbackUrl = settings.baseUrl() + "/webhooks/twilio/status";
  }

  @Override
  public String name() {
    return "twilio";
  }

  @Override
  public SendOutcome send(SendRequest request) {
    try {
      Message message =
          creator(request)
              .setStatusCallback(callbackUrl + "?m=" + request.messageId())
              .setValidityPeriod(validitySeconds(request.validity()))
              .create(client);
      return new SendOutcome.Accepted(message.getSid());
    } catch (RuntimeException e) {
      return TwilioErrors.classify(e);
    }
  }

  /**
   * The newest messages to the number (and from our number, when we send from one), created since
   * the send began: no {@code DateSent} filter, because Twilio leaves {@code date_sent} empty while
   * a message is queued or accepted. Exact body matches come first; then bodies equal once reduced
   * to letters and digits, since a Messaging Service's smart encoding may replace characters.
   */
  @Override
  public LookupOutcome lookup(LookupRequest request) {
    Instant since = request.sendStartedAt().minus(CLOCK_SKEW);
    try {
      MessageReader reader = new MessageReader(twilio.accountSid()).setTo(request.to().e164());
      if (!hasText(twilio.messagingServiceSid())) {
        reader.setFrom(new PhoneNumber(twilio.phoneNumber()));
      }
      List<Message> recent =
          reader.setPageSize(50L).firstPage(client).getRecords().stream()
              .filter(
                  m ->
                      m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(since))
              .sorted(
                  Comparator.comparing(
                      Message::getDateCreated, Comparator.nullsLast(Comparator.naturalOrder())))
              .toList();
      List<Match> matches =
          Stream.concat(
                  recent.stream().filter(m -> request.body().equals(m.getBody())),
                  recent.stream()
                      .filter(m -> !request.body().equals(m.getBody()))
                      .filter(m -> LookupBodies.sameText(request.body(), m.getBody())))
              .map(m -> new Match(m.getSid(), status(m)))
              .toList();
      return matches.isEmpty() ? new LookupOutcome.NotFound() : new LookupOutcome.Found(matches);
    } catch (RuntimeException e) {
      return new LookupOutcome.Unavailable(TwilioErrors.redact(String.valueOf(e.getMessage())));
    }
  }

  private MessageCreator creator(SendRequest request) {
    PhoneNumber to = new PhoneNumber(request.to().e164());
    if (hasText(twilio.messagingServiceSid())) {
      return new MessageCreator(
          twilio.accountSid(), to, twilio.messagingServiceSid(), request.body());
    }
    return new MessageCreator(
        twilio.accountSid(), to, new PhoneNumber(twilio.phoneNumber()), request.body());
  }

  static int validitySeconds(Duration validity) {
    long seconds = Math.max(1, Math.min(MAX_VALIDITY_SECONDS, validity.toSeconds()));
    return (int) seconds;
  }

  private static MessageStatus status(Message message) {
    return message.getStatus() == null
        ? MessageStatus.SENT
        : TwilioStatuses.map(message.getStatus().toString()).orElse(MessageStatus.SENT);
  }

  static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
