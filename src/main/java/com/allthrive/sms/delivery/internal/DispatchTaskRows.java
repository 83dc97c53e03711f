package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatch task rows in db-scheduler's table ({@code V1_1}): one statement each, and never a
 * row a poller has picked (that run owns it and ends it itself), except the one the calling run
 * holds itself, named by its version.
 */
@Component
class DispatchTaskRows {

  /** Removes a message's task unless another run holds it; parameters from {@link #of}. */
  static final String REMOVE =
      "delete from scheduled_tasks where task_name = :task and task_instance = :taskId"
          + " and (picked = false or version = :held)";

  /** The version of a task the caller holds when it holds none (versions start at 1). */
  static final long NOT_HELD = -1;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  DispatchTaskRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** The parameters that name a message's task ({@code :task}, {@code :taskId}, {@code :held}). */
  static Map<String, Object> of(long messageId) {
    return of(messageId, NOT_HELD);
  }

  /** The same, for a caller that runs the task itself, picked at version {@code held}. */
  static Map<String, Object> of(long messageId, long held) {
    return Map.of(
        "task",
        DispatchTasks.DISPATCH.getTaskName(),
        "taskId",
        Long.toString(messageId),
        "held",
        held);
  }

  /** Removes the message's task unless a poller holds it (that run ends it itself). */
  void remove(long messageId) {
    removeAll(Map.of(messageId, NOT_HELD));
  }

  /**
   * {@link #remove} of several messages' tasks (message id to the version of the task the caller
   * holds, or {@link #NOT_HELD}), one statement each in one round trip.
   */
  void removeAll(Map<Long, Long> held) {
    if (held.size() == 1) {
      var only = held.entrySet().iterator().next();
      jdbc.sql(REMOVE).params(of(only.getKey(), only.getValue())).update();
      return;
    }
    batches.batchUpdate(
        REMOVE,
        SqlParameterSourceUtils.createBatch(
            held.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList()));
  }

  /** The message needs another look at {@code at} (on the scheduler's clock). */
  void moveTo(long messageId, Instant at) {
    jdbc.sql(
            "update scheduled_tasks set execution_time = :at, version = version + 1"
                + " where task_name = :task and task_instance = :taskId and picked = false")
        .params(of(messageId))
        .param("at", utc(at))
        .update();
  }
}
