package com.allthrive.sms.delivery;

import java.math.BigDecimal;

/**
 * What a message costs before it is sent, and whether the day's spend allows it: an SPI another
 * module may contribute (one bean at most). Without one, every segment costs {@code
 * SMS_PRICE_PER_SEGMENT} and nothing is capped. {@link SmsOutbox#enqueue} asks it inside the
 * queuing transaction, so a refused message leaves no row.
 */
public interface MessageCosts {

  /**
   * The estimated USD price of one segment to a number of {@code country} (ISO 3166, or null when
   * unknown).
   */
  BigDecimal pricePerSegment(String country);

  /**
   * Takes {@code estimatedCost} from the day's spend for a message of {@code type}; false, taking
   * nothing, when it does not fit. Joins the caller's transaction.
   */
  boolean tryTake(MessageType type, BigDecimal estimatedCost);

  /** Whether {@link #tryTake} can refuse anything: a cap is set. */
  default boolean caps() {
    return true;
  }
}
