package com.allthrive.sms.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster's tables, read and written as the test's own JDBC client: verified users with
 * consent, and messages queued straight into the outbox as {@code bench/dispatch.sh} does (a
 * pending row and its due {@code sms-dispatch} execution), each to a number of its own.
 */
final class FaultOutbox {

  /** A message as the log shows it now. */
  record Row(long id, String status, String providerId, int attempts, String errorCode) {}

  private final String url;

  FaultOutbox(String url) {
    this.url = url;
  }

  /**
   * Verified users {@code <prefix>-u<first>} and on, with their opt-in, each with a number of its
   * own: +1, the area code, the index on 7 digits.
   */
  void users(String prefix, int area, int count, int first) throws SQLException {
    String range = "generate_series(" + first + ", " + (first + count - 1) + ") as i";
    String user = "'" + prefix + "-u' || i";
    String phone = "'+1" + area + "' || lpad(i::text, 7, '0')";
    String ofRange = " from account where user_id in (select " + user + " from " + range + ")";
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      var s = c.createStatement();
      s.execute(
          "insert into account (user_id, username, timezone, phone_number, phone_verified,"
              + " phone_verified_at, verified_phone, created_at, updated_at) select "
              + String.join(", ", user, user, "'UTC'", phone, "true", "now()", phone)
              + ", now(), now() from "
              + range);
      s.execute(
          "insert into sms_preferences (user_id, updated_at) select user_id, now()" + ofRange);
      s.execute(
          "insert into consent_ledger (phone_number, user_id, action, method, occurred_at)"
              + " select phone_number, user_id, 'opt_in', 'web', now()"
              + ofRange);
      c.commit();
    }
  }

  /**
   * Queues one message to each of {@code count} new users from index {@code first} on: a pending
   * row valid for an hour and its due dispatch execution, in one transaction.
   */
  void queue(String prefix, int area, int count, int first) throws SQLException {
    users(prefix, area, count, first);
    String range = "generate_series(" + first + ", " + (first + count - 1) + ") as i";
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      var s = c.createStatement();
      s.execute(
          "insert into sms_message (idempotency_key, recipient_user_id, to_phone, message_type,"
              + " body, status, provider, segments, encoding, estimated_cost, attempts,"
              + " next_attempt_at, priority, created_at, expires_at, updated_at) select '"
              + prefix
              + ":' || i, '"
              + prefix
              + "-u' || i, '+1"
              + area
              + "' || lpad(i::text, 7, '0'), 'achievement_unlock', 'Fault test message ' || i"
              + " || ' of "
              + prefix
              + "', 'pending', 'twilio', 1, 'GSM-7', 0.0083, 0, clock_timestamp(), 'normal',"
              + " clock_timestamp(), clock_timestamp() + interval '1 hour', clock_timestamp()"
              + " from "
              + range);
      s.execute(
          "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version,"
              + " priority) select 'sms-dispatch', id::text, clock_timestamp(), false, 1, 1"
              + " from sms_message where idempotency_key like '"
              + prefix
              + ":%' and status = 'pending' and attempts = 0 and send_started_at is null"
              + " and not exists (select 1 from scheduled_tasks t where t.task_instance ="
              + " sms_message.id::text)");
      c.commit();
    }
  }

  /** Every message to a user of {@code prefix}, queued here or through the API. */
  List<Row> rows(String prefix) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "select id, status, provider_message_id, attempts, error_code from sms_message"
                    + " where recipient_user_id like ? order by id")) {
      s.setString(1, prefix + "-u%");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5)));
        }
      }
    }
    return rows;
  }

  /** Status → count among the rows of {@code prefix}. */
  Map<String, Integer> statuses(String prefix) throws SQLException {
    Map<String, Integer> counts = new TreeMap<>();
    rows(prefix).forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  /** Rows still {@code sending} whose execution is held by {@code scheduler} or by nobody. */
  List<Long> sendingHeldBy(String scheduler) throws SQLException {
    return ids(
        "select m.id from sms_message m left join scheduled_tasks t on t.task_name ="
            + " 'sms-dispatch' and t.task_instance = m.id::text where m.status = 'sending' and"
            + " (t.task_instance is null or (t.picked and t.picked_by = ?)) order by m.id",
        scheduler);
  }

  /**
   * Ends every connection the cluster holds, as a restart of the server would. The connections are
   * found first and ended one by one, so that no other connection of the shared server is touched.
   */
  int terminateConnections(String applicationName) throws SQLException {
    List<Long> pids =
        ids(
            "select pid from pg_stat_activity where application_name = ? and pid <>"
                + " pg_backend_pid()",
            applicationName);
    int ended = 0;
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("select pg_terminate_backend(?)")) {
      for (long pid : pids) {
        s.setInt(1, (int) pid);
        try (ResultSet r = s.executeQuery()) {
          ended += r.next() && r.getBoolean(1) ? 1 : 0;
        }
      }
    }
    return ended;
  }

  private List<Long> ids(String sql, String parameter) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
    }
    return ids;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }
}
