package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatch task rows in db-scheduler's table ({@code V1_1}), for the immediate path: one
 * statement each, and never a row the poller has picked (that run owns it and ends it itself).
 */
@Component
class DispatchTaskRows {

  /** Removes a message's task unless a poller holds it; parameters from {@link #of}. */
  static final String REMOVE =
      "delete from scheduled_tasks where task_name = :task and task_instance = :taskId"
          + " and picked = false";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  DispatchTaskRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** The parameters that name a message's task ({@code :task}, {@code :taskId}). */
  static Map<String, Object> of(long messageId) {
    return Map.of("task", DispatchTasks.DISPATCH.getTaskName(), "taskId", Long.toString(messageId));
  }

  /** Removes the message's task unless a poller holds it (that run ends it itself). */
  void remove(long messageId) {
    jdbc.sql(REMOVE).params(of(messageId)).update();
  }

  /** {@link #remove} of several messages' tasks, one statement each in one round trip. */
  void removeAll(Collection<Long> messageIds) {
    batches.batchUpdate(
        REMOVE,
        SqlParameterSourceUtils.createBatch(
            messageIds.stream().map(DispatchTaskRows::of).toList()));
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
