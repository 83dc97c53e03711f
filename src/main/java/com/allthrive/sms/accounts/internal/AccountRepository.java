package com.allthrive.sms.accounts.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

  private static final String COLUMNS =
      "user_id, username, display_name, timezone, phone_number, phone_verified, phone_verified_at,"
          + " pending_phone";

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> find(UserId id, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from account where user_id = :id"
                + (forUpdate ? " for update" : ""))
        .param("id", id.value())
        .query(AccountRepository::map)
        .optional();
  }

  /** The account, locked, and whether an account other than it has verified {@code number}. */
  Optional<Accounts.PhoneClaim> lockWithOwnership(UserId id, PhoneNumber number) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", exists (select 1 from account o where o.verified_phone = :p"
                + " and o.user_id <> :id) as taken from account where user_id = :id for update")
        .param("id", id.value())
        .param("p", number.e164())
        .query((rs, n) -> new Accounts.PhoneClaim(map(rs, n), rs.getBoolean("taken")))
        .optional();
  }

  Map<UserId, Account> findAll(Collection<UserId> ids) {
    Map<UserId, Account> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql("select " + COLUMNS + " from account where user_id in (:ids)")
        .param("ids", ids.stream().map(UserId::value).distinct().toList())
        .query(AccountRepository::map)
        .list()
        .forEach(a -> found.put(a.id(), a));
    return found;
  }

  List<Account> findByPhone(PhoneNumber number) {
    return jdbc.sql("select " + COLUMNS + " from account where phone_number = :p order by user_id")
        .param("p", number.e164())
        .query(AccountRepository::map)
        .list();
  }

  OneRoundTrip.Lookup<Map<PhoneNumber, List<Account>>> findByPhones(
      Collection<PhoneNumber> numbers) {
    Map<PhoneNumber, List<Account>> found = new HashMap<>();
    if (numbers.isEmpty()) {
      return OneRoundTrip.Lookup.answered(found);
    }
    return new OneRoundTrip.Lookup<>(
        "select " + COLUMNS + " from account where phone_number = any(?) order by user_id",
        List.of((Object) numbers.stream().map(PhoneNumber::e164).distinct().toArray(String[]::new)),
        rs -> {
          Account account = map(rs, 0);
          found.computeIfAbsent(account.phoneNumber(), n -> new ArrayList<>()).add(account);
        },
        () -> found);
  }

  Optional<UserId> verifiedOwner(PhoneNumber number) {
    return jdbc.sql("select user_id from account where verified_phone = :p")
        .param("p", number.e164())
        .query((rs, n) -> new UserId(rs.getString(1)))
        .optional();
  }

  void insert(UserId id, String username, String displayName, ZoneId zone, Instant now) {
    jdbc.sql(
            "insert into account (user_id, username, display_name, timezone, phone_verified,"
                + " created_at, updated_at) values (:id, :u, :d, :tz, false, :now, :now)")
        .param("id", id.value())
        .param("u", username)
        .param("d", displayName)
        .param("tz", zone.getId())
        .param("now", utc(now))
        .update();
  }

  void updateProfile(UserId id, String username, String displayName, ZoneId zone, Instant now) {
    jdbc.sql(
            "update account set username = :u, display_name = :d, timezone = :tz,"
                + " updated_at = :now where user_id = :id")
        .param("id", id.value())
        .param("u", username)
        .param("d", displayName)
        .param("tz", zone.getId())
        .param("now", utc(now))
        .update();
  }

  int updateTimezone(UserId id, ZoneId zone, Instant now) {
    return jdbc.sql("update account set timezone = :tz, updated_at = :now where user_id = :id")
        .param("id", id.value())
        .param("tz", zone.getId())
        .param("now", utc(now))
        .update();
  }

  /** A new current number, unverified; {@code pending} the number a code is asked for, or null. */
  void setPhone(UserId id, PhoneNumber number, PhoneNumber pending, Instant now) {
    jdbc.sql(
            "update account set phone_number = :p, phone_verified = false,"
                + " phone_verified_at = null, verified_phone = null, pending_phone = :pending,"
                + " updated_at = :now"
                + " where user_id = :id")
        .param("id", id.value())
        .param("p", number == null ? null : number.e164())
        .param("pending", pending == null ? null : pending.e164())
        .param("now", utc(now))
        .update();
  }

  /** A code was asked for {@code number}; the current (verified) number stays. */
  void setPending(UserId id, PhoneNumber number, Instant now) {
    jdbc.sql("update account set pending_phone = :p, updated_at = :now where user_id = :id")
        .param("id", id.value())
        .param("p", number.e164())
        .param("now", utc(now))
        .update();
  }

  /** {@code number} becomes the verified current number; nothing is pending any more. */
  void markVerified(UserId id, PhoneNumber number, Instant at) {
    jdbc.sql(
            "update account set phone_number = :p, phone_verified = true,"
                + " phone_verified_at = :at, verified_phone = :p, pending_phone = null,"
                + " updated_at = :at where user_id = :id")
        .param("id", id.value())
        .param("p", number.e164())
        .param("at", utc(at))
        .update();
  }

  int delete(UserId id) {
    return jdbc.sql("delete from account where user_id = :id").param("id", id.value()).update();
  }

  private static Account map(ResultSet rs, int row) throws SQLException {
    String phone = rs.getString("phone_number");
    String pending = rs.getString("pending_phone");
    OffsetDateTime verifiedAt = rs.getObject("phone_verified_at", OffsetDateTime.class);
    return new Account(
        new UserId(rs.getString("user_id")),
        rs.getString("username"),
        rs.getString("display_name"),
        ZoneId.of(rs.getString("timezone")),
        phone == null ? null : new PhoneNumber(phone),
        rs.getBoolean("phone_verified"),
        verifiedAt == null ? null : verifiedAt.toInstant(),
        pending == null ? null : new PhoneNumber(pending));
  }
}
