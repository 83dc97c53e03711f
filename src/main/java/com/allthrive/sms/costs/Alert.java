package com.allthrive.sms.costs;

import java.time.Instant;

/**
 * A cost or delivery alert: it fires once per threshold and UTC day, on any number of instances.
 *
 * @param kind {@code daily_spend}, {@code user_daily_spend}, {@code failure_rate} or {@code
 *     error_burst}
 * @param subject the user (user spend) or the error code (burst); null otherwise
 * @param threshold the configured threshold that was reached
 * @param observed the value seen when it fired
 * @param notified the webhook's state: {@code none} (no webhook set), {@code pending}, {@code sent}
 *     or {@code failed}
 */
public record Alert(
    long id,
    String kind,
    String subject,
    String threshold,
    String observed,
    String message,
    Instant createdAt,
    String notified) {}
