package com.allthrive.sms.preferences.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only consent ledger. Rows are only ever inserted; the single exception is {@link
 * #anonymize}, which erasure calls.
 */
@Repository
public class ConsentLedger {

  /** The most rows one history answer holds. */
  public static final int MAX_ROWS = 1000;

  private static final String COLUMNS =
      "id, phone_number, user_id, action, category, method, occurred_at, ip, user_agent,"
          + " disclosure_text, reference";

  private final JdbcClient jdbc;

  ConsentLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(ConsentEntry e) {
    jdbc.sql(
            "insert into consent_ledger (phone_number, user_id, action, category, method,"
                + " occurred_at, ip, user_agent, disclosure_text, reference) values (:phone, :user,"
                + " :action, :category, :method, :at, :ip, :ua, :disclosure, :ref)")
        .param("phone", e.phoneNumber())
        .param("user", e.userId())
        .param("action", e.action().code())
        .param("category", e.category())
        .param("method", e.method().code())
        .param("at", utc(e.occurredAt()))
        .param("ip", e.ip())
        .param("ua", e.userAgent())
        .param("disclosure", e.disclosureText())
        .param("ref", e.reference())
        .update();
  }

  /** The user's rows, newest first. */
  public List<ConsentEntry> forUser(UserId user) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from consent_ledger where user_id = :user"
                + " order by id desc limit "
                + MAX_ROWS)
        .param("user", user.value())
        .query(ConsentLedger::map)
        .list();
  }

  /** Every row about a number, whoever it concerned, newest first. */
  public List<ConsentEntry> forNumber(PhoneNumber number) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from consent_ledger where phone_number = :phone"
                + " order by id desc limit "
                + MAX_ROWS)
        .param("phone", number.e164())
        .query(ConsentLedger::map)
        .list();
  }

  /** The latest opt-in, opt-out or end of a number for this user (category rows left aside). */
  Optional<ConsentAction> latestConsent(UserId user, PhoneNumber number) {
    return jdbc.sql(
            "select action from consent_ledger where user_id = :user and phone_number ="
                + " :phone and action in ('opt_in', 'opt_out', 'number_changed', 'number_removed')"
                + " order by id desc limit 1")
        .param("user", user.value())
        .param("phone", number.e164())
        .query((rs, n) -> ConsentAction.fromCode(rs.getString(1)))
        .optional();
  }

  /** Erasure: the rows stay as proof about the number, but no longer name the person. */
  int anonymize(UserId user) {
    return jdbc.sql(
            "update consent_ledger set user_id = null, ip = null, user_agent = null"
                + " where user_id = :user")
        .param("user", user.value())
        .update();
  }

  private static ConsentEntry map(ResultSet rs, int row) throws SQLException {
    return new ConsentEntry(
        rs.getLong("id"),
        rs.getString("phone_number"),
        rs.getString("user_id"),
        ConsentAction.fromCode(rs.getString("action")),
        rs.getString("category"),
        ConsentMethod.fromCode(rs.getString("method")),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("ip"),
        rs.getString("user_agent"),
        rs.getString("disclosure_text"),
        rs.getString("reference"));
  }
}
