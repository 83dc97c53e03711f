package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.ProviderOptOutReported;
import com.allthrive.sms.delivery.SmsCanceled;
import com.allthrive.sms.delivery.SmsPriced;
import com.allthrive.sms.delivery.SmsStatusChanged;
import com.allthrive.sms.shared.PhoneNumber;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes the module's events inside the transaction that records the change. */
@Component
class StatusEvents {

  private final ApplicationEventPublisher events;

  StatusEvents(ApplicationEventPublisher events) {
    this.events = events;
  }

  void changed(MessageRow row, MessageStatus status, Instant at) {
    changed(row, status, row.price(), row.priceUnit(), at);
  }

  void changed(MessageRow row, MessageStatus status, BigDecimal price, String unit, Instant at) {
    events.publishEvent(
        new SmsStatusChanged(
            row.id(), row.type(), status, row.segments(), row.estimatedCost(), price, unit, at));
  }

  /** The message ends canceled with {@code reason}, never sent. */
  void canceled(MessageRow row, String reason, Instant at) {
    changed(row, MessageStatus.CANCELED, at);
    events.publishEvent(new SmsCanceled(row.id(), row.type(), reason, at));
  }

  /** The provider's price of the message was recorded or changed. */
  void priced(MessageRow row, BigDecimal price, String unit, Instant at) {
    events.publishEvent(
        new SmsPriced(
            row.id(),
            row.type(),
            row.estimatedCost(),
            row.price(),
            price,
            unit,
            row.createdAt(),
            at));
  }

  /** The provider refused the number as opted out (Twilio 21610). */
  void optedOut(MessageRow row, Instant at) {
    if (row.erased()) {
      return;
    }
    events.publishEvent(new ProviderOptOutReported(new PhoneNumber(row.toPhone()), row.id(), at));
  }
}
