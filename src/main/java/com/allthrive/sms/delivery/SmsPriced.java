package com.allthrive.sms.delivery;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The provider's actual price of a message was recorded or changed, with or without a status change
 * (a price often comes in a later callback than the final status). Published synchronously inside
 * the transaction that records it.
 *
 * @param previous the price recorded before, or null (the estimate stood until now)
 * @param createdAt when the message was queued: the day its spend belongs to
 */
public record SmsPriced(
    long messageId,
    MessageType type,
    BigDecimal estimatedCost,
    BigDecimal previous,
    BigDecimal price,
    String priceUnit,
    Instant createdAt,
    Instant at) {

  /** How much the actual price adds to what was counted so far (negative when it is lower). */
  public BigDecimal correction() {
    BigDecimal counted = previous != null ? previous : estimatedCost;
    return counted == null ? price : price.subtract(counted);
  }
}
