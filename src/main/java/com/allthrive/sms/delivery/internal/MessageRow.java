package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.MessageType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The columns of one {@code sms_message} row that sending and status updates need. */
record MessageRow(
    long id,
    String toPhone,
    MessageType type,
    String body,
    byte[] sealedBody,
    MessageStatus status,
    int attempts,
    String providerMessageId,
    int segments,
    BigDecimal estimatedCost,
    BigDecimal price,
    String priceUnit,
    Instant expiresAt,
    Instant sendStartedAt,
    Instant nextAttemptAt,
    Instant createdAt,
    String recipientUserId,
    boolean quotaWhenSent,
    Instant rateSlot) {

  static final String COLUMNS =
      "id, to_phone, message_type, body, sealed_body, status, attempts, provider_message_id,"
          + " segments, estimated_cost, price, price_unit, expires_at, send_started_at,"
          + " next_attempt_at, created_at, recipient_user_id, quota_when_sent, rate_slot";

  static MessageRow map(ResultSet rs, int row) throws SQLException {
    return new MessageRow(
        rs.getLong("id"),
        rs.getString("to_phone"),
        MessageType.fromCode(rs.getString("message_type")),
        rs.getString("body"),
        rs.getBytes("sealed_body"),
        MessageStatus.fromCode(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("provider_message_id"),
        rs.getInt("segments"),
        rs.getBigDecimal("estimated_cost"),
        rs.getBigDecimal("price"),
        rs.getString("price_unit"),
        instant(rs, "expires_at"),
        instant(rs, "send_started_at"),
        instant(rs, "next_attempt_at"),
        instant(rs, "created_at"),
        rs.getString("recipient_user_id"),
        rs.getBoolean("quota_when_sent"),
        instant(rs, "rate_slot"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** True once erasure removed the text: such a row is never sent. */
  boolean erased() {
    return body == null;
  }
}
