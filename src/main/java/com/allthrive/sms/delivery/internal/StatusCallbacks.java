package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.provider.TwilioErrors;
import com.allthrive.sms.delivery.provider.TwilioStatuses;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies Twilio's status callbacks. The row is found by Twilio's id, or by our id from the
 * callback URL when the send's answer was lost. Status only moves forward, so a late {@code sent}
 * never overwrites {@code delivered} and a repeated callback changes nothing; the actual price is
 * recorded whenever it comes, with or without a status change, and published as {@code SmsPriced}
 * when it is new.
 */
@Service
public class StatusCallbacks {

  /**
   * One callback: Twilio's message id, our id from the URL (or null), Twilio's status word, its
   * error code, and its price as a positive amount (or null).
   */
  public record Report(
      String messageSid,
      Long messageId,
      String status,
      String errorCode,
      BigDecimal price,
      String priceUnit) {}

  /** What the callback did. */
  public enum Result {
    APPLIED,
    UNCHANGED,
    UNKNOWN_MESSAGE
  }

  private final MessageStore store;
  private final ProviderIds providerIds;
  private final StatusEvents events;
  private final DeliveryMetrics metrics;
  private final Clock clock;

  StatusCallbacks(
      MessageStore store,
      ProviderIds providerIds,
      StatusEvents events,
      DeliveryMetrics metrics,
      Clock clock) {
    this.store = store;
    this.providerIds = providerIds;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Transactional
  public Result apply(Report report) {
    Optional<MessageRow> found = locate(report);
    if (found.isEmpty()) {
      return Result.UNKNOWN_MESSAGE;
    }
    MessageRow row = found.get();
    Instant now = clock.instant();
    if (row.providerMessageId() == null) {
      providerIds.attach(row.id(), report.messageSid());
    }
    BigDecimal price = row.price();
    String unit = row.priceUnit();
    if (report.price() != null) {
      if (store.recordPrice(row.id(), report.price(), report.priceUnit(), now)) {
        metrics.actualCost(row.type(), report.price());
        events.priced(row, report.price(), report.priceUnit(), now);
      }
      price = report.price();
      unit = report.priceUnit();
    }
    Optional<MessageStatus> target = TwilioStatuses.map(report.status());
    if (target.isEmpty() || target.get().rank() <= row.status().rank()) {
      return Result.UNCHANGED;
    }
    String code =
        target.get().isFinal() && target.get() != MessageStatus.DELIVERED
            ? report.errorCode()
            : null;
    if (!store.advance(row.id(), target.get(), code, null, now)) {
      return Result.UNCHANGED;
    }
    events.changed(row, target.get(), price, unit, now);
    if (TwilioErrors.isOptOut(report.errorCode())) {
      events.optedOut(row, now);
    }
    return Result.APPLIED;
  }

  private Optional<MessageRow> locate(Report report) {
    Optional<MessageRow> bySid = providerIds.findMessage(report.messageSid());
    if (bySid.isPresent() || report.messageId() == null) {
      return bySid;
    }
    return store
        .find(report.messageId())
        .filter(
            row ->
                row.providerMessageId() == null
                    || row.providerMessageId().equals(report.messageSid()));
  }
}
