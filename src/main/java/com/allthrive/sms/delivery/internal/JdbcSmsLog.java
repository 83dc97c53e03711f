package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.SmsLog;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a user's SMS log rows, in the caller's transaction. Rows sent to the user keep what
 * accounting needs (type, status, segments, costs, times, provider id) and lose what identifies
 * them: the number is masked, the text and any sealed text removed, the user ids, the related
 * platform object and the idempotency key (it may embed ids) replaced. Rows the user caused for
 * someone else (an invitation) lose the link to the user and the text (it carries their name); the
 * other person's number stays. A message still waiting is not sent any more.
 */
@Service
class JdbcSmsLog implements SmsLog {

  private static final String STOP_PENDING =
      "status = case when status = 'pending' then 'expired' else status end,"
          + " error_code = case when status = 'pending' then 'recipient_erased' else error_code end";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcSmsLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional
  public int anonymize(UserId user) {
    OffsetDateTime now = utc(clock.instant());
    List<Row> received =
        jdbc.sql("select id, to_phone from sms_message where recipient_user_id = :user")
            .param("user", user.value())
            .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("to_phone")))
            .list();
    received.forEach(row -> eraseReceived(row, now));
    int caused =
        jdbc.sql(
                "update sms_message set triggered_by_user_id = null, body = null,"
                    + " sealed_body = null, "
                    + STOP_PENDING
                    + ", updated_at = :now where triggered_by_user_id = :user")
            .param("user", user.value())
            .param("now", now)
            .update();
    return received.size() + caused;
  }

  private void eraseReceived(Row row, OffsetDateTime now) {
    jdbc.sql(
            "update sms_message set to_phone = :masked, body = null, sealed_body = null,"
                + " recipient_user_id = null, triggered_by_user_id = null,"
                + " related_object_type = null, related_object_id = null,"
                + " idempotency_key = :key, error_message = null, "
                + STOP_PENDING
                + ", updated_at = :now where id = :id")
        .param("id", row.id())
        .param("masked", PhoneNumber.mask(row.toPhone()))
        .param("key", "erased:" + row.id())
        .param("now", now)
        .update();
  }

  private record Row(long id, String toPhone) {}
}
