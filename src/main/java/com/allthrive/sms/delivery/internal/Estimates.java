package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageCosts;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.Segments;
import com.allthrive.sms.shared.PhoneNumbers;
import java.math.BigDecimal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A message's segments, destination country and estimated cost, computed once when it is queued and
 * written by the insert that queues it: cost accounting adds no statement to the send path. The
 * price per segment comes from the contributed {@link MessageCosts}, else from {@code
 * SMS_PRICE_PER_SEGMENT}.
 */
@Component
class Estimates {

  /** What the queuing insert records about a message's cost. */
  record Estimate(Segments segments, String country, BigDecimal cost) {}

  private final ObjectProvider<MessageCosts> costs;
  private final DeliverySettings settings;

  Estimates(ObjectProvider<MessageCosts> costs, DeliverySettings settings) {
    this.costs = costs;
    this.settings = settings;
  }

  Estimate of(OutgoingSms sms) {
    Segments segments = Segments.of(sms.body());
    String country = PhoneNumbers.region(sms.to());
    MessageCosts contributed = costs.getIfAvailable();
    BigDecimal perSegment =
        contributed != null ? contributed.pricePerSegment(country) : settings.pricePerSegment();
    return new Estimate(
        segments, country, perSegment.multiply(BigDecimal.valueOf(segments.count())));
  }

  /**
   * Whether the day's spend takes {@code cost} for messages of {@code type} (always, when nothing
   * caps it).
   */
  /** Whether {@link #admit} can refuse: a day's spend cap is set. */
  boolean capsSpend() {
    MessageCosts contributed = costs.getIfAvailable();
    return contributed != null && contributed.caps();
  }

  boolean admit(MessageType type, BigDecimal cost) {
    MessageCosts contributed = costs.getIfAvailable();
    return contributed == null || contributed.tryTake(type, cost);
  }
}
