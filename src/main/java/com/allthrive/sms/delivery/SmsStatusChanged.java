package com.allthrive.sms.delivery;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A message moved to a new status (sent, delivered, undelivered, failed, expired). Published
 * synchronously inside the transaction that records it; {@code price} is the provider's actual
 * price when known (positive amount), else null.
 */
public record SmsStatusChanged(
    long messageId,
    MessageType type,
    MessageStatus status,
    int segments,
    BigDecimal estimatedCost,
    BigDecimal price,
    String priceUnit,
    Instant at) {}
