package com.allthrive.sms.verification.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code phone_verification} table; every method joins the caller's transaction. */
@Repository
class PendingCodes {

  private final JdbcClient jdbc;

  PendingCodes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's state, its row locked until the transaction ends. */
  Optional<PendingCode> lock(UserId user) {
    return jdbc.sql("select * from phone_verification where user_id = :u for update")
        .param("u", user.value())
        .query(PendingCodes::map)
        .optional();
  }

  /**
   * Replaces whatever the user had with a new live code and returns the code's id, drawn from
   * {@code phone_verification_code_seq} by this same statement ({@code c.codeId()} is not read).
   * The id comes back as a generated key: PostgreSQL's driver adds {@code returning code_id}, and
   * H2 (which has no {@code update ... returning}) reports the column itself.
   */
  long save(PendingCode c, boolean exists, Instant now) {
    String sql =
        exists
            ? "update phone_verification set code_id = nextval('phone_verification_code_seq'),"
                + " phone_number = :p, code_hmac = :h, expires_at = :exp, attempts = :a,"
                + " streak = :s, last_sent_at = :sent, resend_available_at = :resend,"
                + " updated_at = :now where user_id = :u"
            : "insert into phone_verification (user_id, code_id, phone_number, code_hmac, expires_at,"
                + " attempts, streak, last_sent_at, resend_available_at, updated_at) values (:u,"
                + " nextval('phone_verification_code_seq'), :p, :h, :exp, :a, :s, :sent, :resend,"
                + " :now)";
    KeyHolder codeId = new GeneratedKeyHolder();
    jdbc.sql(sql)
        .param("u", c.user().value())
        .param("p", c.number().e164())
        .param("h", c.codeHmac())
        .param("exp", utc(c.expiresAt()))
        .param("a", c.attempts())
        .param("s", c.streak())
        .param("sent", utc(c.lastSentAt()))
        .param("resend", utc(c.resendAvailableAt()))
        .param("now", utc(now))
        .update(codeId, "code_id");
    Number id = codeId.getKey();
    if (id == null) {
      throw new IllegalStateException("no verification row to save for " + c.user());
    }
    return id.longValue();
  }

  /** Counts one wrong attempt on the live code; returns the attempts now spent. */
  int countWrongAttempt(PendingCode c, Instant now) {
    jdbc.sql(
            "update phone_verification set attempts = attempts + 1, updated_at = :now"
                + " where user_id = :u and code_id = :id")
        .param("u", c.user().value())
        .param("id", c.codeId())
        .param("now", utc(now))
        .update();
    return c.attempts() + 1;
  }

  /**
   * Spends the live code, only if it is still {@code codeId}: of two submissions of the same code,
   * one wins. The resend streak stays.
   */
  boolean consume(PendingCode c, Instant now) {
    return jdbc.sql(
                "update phone_verification set code_id = null, phone_number = null,"
                    + " code_hmac = null, expires_at = null, attempts = 0, updated_at = :now"
                    + " where user_id = :u and code_id = :id")
            .param("u", c.user().value())
            .param("id", c.codeId())
            .param("now", utc(now))
            .update()
        == 1;
  }

  int delete(UserId user) {
    return jdbc.sql("delete from phone_verification where user_id = :u")
        .param("u", user.value())
        .update();
  }

  private static PendingCode map(ResultSet rs, int row) throws SQLException {
    String phone = rs.getString("phone_number");
    return new PendingCode(
        new UserId(rs.getString("user_id")),
        rs.getObject("code_id", Long.class),
        phone == null ? null : new PhoneNumber(phone),
        rs.getString("code_hmac"),
        instant(rs, "expires_at"),
        rs.getInt("attempts"),
        rs.getInt("streak"),
        instant(rs, "last_sent_at"),
        instant(rs, "resend_available_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
