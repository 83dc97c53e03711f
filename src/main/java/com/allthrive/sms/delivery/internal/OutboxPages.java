package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.shared.Databases;
import com.allthrive.sms.shared.OneRoundTrip;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox's statements for a page of messages at once. */
@Component
class OutboxPages {

  /** Rows per statement: well under the bound parameters a statement may carry. */
  static final int CHUNK = 500;

  /** The insert's columns, each with its named parameter and its SQL type (for nulls). */
  private record Column(String name, String param, int type) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("idempotency_key", "key", Types.VARCHAR),
          new Column("recipient_user_id", "recipient", Types.VARCHAR),
          new Column("triggered_by_user_id", "triggeredBy", Types.VARCHAR),
          new Column("to_phone", "to", Types.VARCHAR),
          new Column("message_type", "type", Types.VARCHAR),
          new Column("body", "body", Types.VARCHAR),
          new Column("sealed_body", "sealed", Types.BINARY),
          new Column("status", "status", Types.VARCHAR),
          new Column("provider", "provider", Types.VARCHAR),
          new Column("segments", "segments", Types.INTEGER),
          new Column("encoding", "encoding", Types.VARCHAR),
          new Column("estimated_cost", "estimatedCost", Types.NUMERIC),
          new Column("attempts", "attempts", Types.INTEGER),
          new Column("next_attempt_at", "sendAt", Types.TIMESTAMP_WITH_TIMEZONE),
          new Column("priority", "priority", Types.VARCHAR),
          new Column("related_object_type", "relatedType", Types.VARCHAR),
          new Column("related_object_id", "relatedId", Types.VARCHAR),
          new Column("created_at", "now", Types.TIMESTAMP_WITH_TIMEZONE),
          new Column("send_started_at", "startedAt", Types.TIMESTAMP_WITH_TIMEZONE),
          new Column("expires_at", "expiresAt", Types.TIMESTAMP_WITH_TIMEZONE),
          new Column("updated_at", "now", Types.TIMESTAMP_WITH_TIMEZONE),
          new Column("country", "country", Types.VARCHAR),
          new Column("saved_by_encoding", "savedByEncoding", Types.INTEGER),
          new Column("saved_by_trimming", "savedByTrimming", Types.INTEGER),
          new Column("quota_when_sent", "quotaWhenSent", Types.BOOLEAN));

  /**
   * Makes the held tasks of the messages about one object queued since {@code since} due now;
   * messages with a later time of their own (deferred past quiet hours) keep it. Only tasks due
   * within the hold are looked at, each message found by its id.
   */
  static final String RELEASE =
      """
      update scheduled_tasks set version = version + 1, execution_time = :now
      where task_name = :task and picked = false and execution_time > :now
        and execution_time <= :heldUntil
        and exists (select 1 from sms_message m where m.id = cast(task_instance as bigint)
          and m.created_at >= :since and m.related_object_type = :type
          and m.related_object_id = :id and m.status = 'pending'
          and m.next_attempt_at <= :now)""";

  private static final String ROW =
      COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));

  /** A task's priority weight from the row's priority code. */
  private static final String WEIGHT =
      Arrays.stream(Priority.values())
          .map(p -> " when '" + p.code() + "' then " + p.weight())
          .collect(Collectors.joining("", "case priority", " end"));

  /** The dispatch tasks of the rows of {@code m}, due not before the hold. */
  private static final String TASKS =
      "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version,"
          + " priority) select task.name, cast(id as varchar), greatest(next_attempt_at,"
          + " task.held), false, 1, "
          + WEIGHT
          + " from m, (select cast(? as text) as name,"
          + " cast(? as timestamp with time zone) as held) task";

  private final JdbcClient jdbc;
  private final boolean postgres;

  OutboxPages(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /**
   * PostgreSQL: the rows and their dispatch tasks (due at each row's {@code next_attempt_at}, not
   * before {@code heldUntil}), one statement per chunk; the id of each row written, empty where its
   * key was taken before.
   */
  List<Optional<Long>> insertWithTasks(List<OutboxRows.Prepared> prepared, Instant heldUntil) {
    List<Optional<Long>> ids = new ArrayList<>(prepared.size());
    for (int from = 0; from < prepared.size(); from += CHUNK) {
      List<OutboxRows.Prepared> chunk =
          prepared.subList(from, Math.min(prepared.size(), from + CHUNK));
      Map<String, Long> written = new HashMap<>();
      jdbc.sql(
              "with m as ("
                  + insert(chunk.size(), false)
                  + " on conflict do nothing returning id, idempotency_key, next_attempt_at,"
                  + " priority), t as ("
                  + TASKS
                  + ") select id, idempotency_key from m")
          .params(params(chunk, null, heldUntil))
          .query((RowCallbackHandler) rs -> written.put(rs.getString(2), rs.getLong(1)));
      chunk.forEach(p -> ids.add(Optional.ofNullable(written.get(p.sms().idempotencyKey()))));
    }
    return ids;
  }

  /** PostgreSQL: {@code count} ids for {@link #writeWithTasks}, from the table's sequence. */
  OneRoundTrip.Lookup<List<Long>> reserveIds(int count) {
    List<Long> ids = new ArrayList<>(count);
    return new OneRoundTrip.Lookup<>(
        "select nextval('sms_message_id_seq') from generate_series(1, ?)",
        List.of(count),
        rs -> ids.add(rs.getLong(1)),
        () -> ids);
  }

  /**
   * PostgreSQL: {@link #insertWithTasks} with the rows' ids given ({@link #reserveIds}), as
   * statements for the caller to run; a key taken before fails them.
   */
  OneRoundTrip.Lookup<Void> writeWithTasks(
      List<OutboxRows.Prepared> prepared, List<Long> ids, Instant heldUntil) {
    List<String> statements = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (int from = 0; from < prepared.size(); from += CHUNK) {
      int to = Math.min(prepared.size(), from + CHUNK);
      statements.add(
          "with m as ("
              + insert(to - from, true)
              + " returning id, next_attempt_at, priority) "
              + TASKS);
      params.addAll(params(prepared.subList(from, to), ids.subList(from, to), heldUntil));
    }
    return OneRoundTrip.Lookup.write(String.join("; ", statements), params);
  }

  private static String insert(int rows, boolean withIds) {
    return "insert into sms_message ("
        + (withIds ? "id, " : "")
        + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
        + ") values "
        + String.join(", ", Collections.nCopies(rows, withIds ? "(?, " + ROW.substring(1) : ROW));
  }

  /** The rows' values (after each row's id, when given), then the tasks' name and hold. */
  private static List<Object> params(
      List<OutboxRows.Prepared> chunk, List<Long> ids, Instant heldUntil) {
    List<Object> params = new ArrayList<>(chunk.size() * (COLUMNS.size() + 1) + 2);
    for (int i = 0; i < chunk.size(); i++) {
      if (ids != null) {
        params.add(ids.get(i));
      }
      for (Column c : COLUMNS) {
        Object value = chunk.get(i).row().get(c.param());
        params.add(value == null ? new SqlParameterValue(c.type(), null) : value);
      }
    }
    params.add(DispatchTasks.DISPATCH.getTaskName());
    params.add(utc(heldUntil));
    return params;
  }

  /**
   * The ids of the messages queued under {@code keys}, by key. On PostgreSQL the lookup is planned
   * for the keys at hand: a plan cached while the log was nearly empty would scan it whole. The
   * setting, the lookup and the setting back share a round trip (with the caller's other lookups).
   */
  OneRoundTrip.Lookup<Map<String, Long>> existing(Collection<String> keys) {
    Map<String, Long> found = new HashMap<>();
    if (keys.isEmpty()) {
      return OneRoundTrip.Lookup.answered(found);
    }
    String select = "select idempotency_key, id from sms_message where idempotency_key = any(?)";
    return new OneRoundTrip.Lookup<>(
        postgres
            ? "set local plan_cache_mode = force_custom_plan; "
                + select
                + "; set local plan_cache_mode to default"
            : select,
        List.of((Object) keys.stream().distinct().toArray(String[]::new)),
        rs -> found.put(rs.getString(1), rs.getLong(2)),
        () -> found);
  }
}
