package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.MessageStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps Twilio's message statuses to ours. Anything Twilio holds or is passing on (queued, accepted,
 * scheduled, sending, sent) means we handed it over: {@code sent}. Delivered and read are {@code
 * delivered}; undelivered stays {@code undelivered}; failed and canceled are {@code failed}.
 * Inbound statuses (receiving, received) and unknown words map to nothing.
 */
public final class TwilioStatuses {

  private TwilioStatuses() {}

  public static Optional<MessageStatus> map(String twilioStatus) {
    if (twilioStatus == null) {
      return Optional.empty();
    }
    switch (twilioStatus.trim().toLowerCase(Locale.ROOT)) {
      case "queued":
      case "accepted":
      case "scheduled":
      case "sending":
      case "sent":
        return Optional.of(MessageStatus.SENT);
      case "delivered":
      case "read":
      case "partially_delivered":
        return Optional.of(MessageStatus.DELIVERED);
      case "undelivered":
        return Optional.of(MessageStatus.UNDELIVERED);
      case "failed":
      case "canceled":
        return Optional.of(MessageStatus.FAILED);
      default:
        return Optional.empty();
    }
  }
}
