package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.SqlWhere;
import com.allthrive.sms.shared.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the SMS log page by page, newest first. The sealed text is never read; numbers come out
 * masked.
 */
@Service
public class MessageQueries {

  /** Filters; null means any. {@code from} is inclusive, {@code to} exclusive (created_at). */
  public record Filter(
      MessageStatus status,
      MessageType type,
      UserId recipient,
      PhoneNumber number,
      Instant from,
      Instant to) {}

  /** One log row as the API shows it. */
  public record Item(
      long id,
      String messageType,
      String status,
      String toPhone,
      String body,
      String recipientUserId,
      int segments,
      String encoding,
      BigDecimal estimatedCost,
      BigDecimal price,
      String priceUnit,
      String provider,
      String providerMessageId,
      String errorCode,
      String errorMessage,
      int attempts,
      String priority,
      Instant createdAt,
      Instant sentAt,
      Instant deliveredAt,
      Instant expiresAt) {}

  /** A page of items with the total count of matching rows. */
  public record Page(List<Item> items, int page, int size, long total) {}

  private static final String COLUMNS =
      "id, message_type, status, to_phone, body, recipient_user_id, segments, encoding,"
          + " estimated_cost, price, price_unit, provider, provider_message_id, error_code,"
          + " error_message, attempts, priority, created_at, sent_at, delivered_at, expires_at";

  private final JdbcClient jdbc;

  MessageQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page list(Filter filter, int page, int size) {
    SqlWhere where =
        new SqlWhere()
            .and(
                "status = :status",
                "status",
                filter.status() == null ? null : filter.status().code())
            .and(
                "message_type = :type", "type", filter.type() == null ? null : filter.type().code())
            .and(
                "recipient_user_id = :user",
                "user",
                filter.recipient() == null ? null : filter.recipient().value())
            .and(
                "to_phone = :phone",
                "phone",
                filter.number() == null ? null : filter.number().e164())
            .and("created_at >= :from", "from", utc(filter.from()))
            .and("created_at < :to", "to", utc(filter.to()));
    String clause = where.clause();
    Map<String, Object> params = where.params();
    long total =
        jdbc.sql("select count(*) from sms_message" + clause)
            .params(params)
            .query(Long.class)
            .single();
    List<Item> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from sms_message"
                    + clause
                    + " order by created_at desc, id desc limit :limit offset :offset")
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(MessageQueries::item)
            .list();
    return new Page(items, page, size, total);
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    return new Item(
        rs.getLong("id"),
        rs.getString("message_type"),
        rs.getString("status"),
        PhoneNumber.mask(rs.getString("to_phone")),
        rs.getString("body"),
        rs.getString("recipient_user_id"),
        rs.getInt("segments"),
        rs.getString("encoding"),
        rs.getBigDecimal("estimated_cost"),
        rs.getBigDecimal("price"),
        rs.getString("price_unit"),
        rs.getString("provider"),
        rs.getString("provider_message_id"),
        rs.getString("error_code"),
        rs.getString("error_message"),
        rs.getInt("attempts"),
        rs.getString("priority"),
        MessageRow.instant(rs, "created_at"),
        MessageRow.instant(rs, "sent_at"),
        MessageRow.instant(rs, "delivered_at"),
        MessageRow.instant(rs, "expires_at"));
  }
}
