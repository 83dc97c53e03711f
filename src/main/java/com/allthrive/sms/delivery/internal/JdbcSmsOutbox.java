package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.delivery.Segments;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.shared.Databases;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the log row and its dispatch task in the caller's transaction. The unique idempotency key
 * makes a repeated cause a no-op, also under concurrency ({@code on conflict do nothing}). Validity
 * counts from {@code notBefore} when given (a deferral), else from now; the estimated cost is the
 * segment count times the price of a segment to the destination's country ({@link Estimates}),
 * exact, and the day's spend cap may refuse the message before anything is written.
 */
@Service
class JdbcSmsOutbox implements SmsOutbox {

  private static final String INSERT =
      """
      insert into sms_message (idempotency_key, recipient_user_id, triggered_by_user_id,
        to_phone, message_type, body, sealed_body, status, provider, segments, encoding,
        estimated_cost, attempts, next_attempt_at, priority, related_object_type,
        related_object_id, created_at, send_started_at, expires_at, updated_at, country,
        saved_by_encoding, saved_by_trimming, quota_when_sent)
      values (:key, :recipient, :triggeredBy, :to, :type, :body, :sealed, :status,
        :provider, :segments, :encoding, :estimatedCost, :attempts, :sendAt, :priority,
        :relatedType, :relatedId, :now, :startedAt, :expiresAt, :now, :country,
        :savedByEncoding, :savedByTrimming, :quotaWhenSent)
      on conflict do nothing""";

  private final JdbcClient jdbc;
  private final boolean postgres;
  private final SchedulerClient scheduler;
  private final ImmediateDispatch immediate;
  private final BodySealer sealer;
  private final Estimates estimates;
  private final DeliverySettings settings;
  private final Clock clock;

  JdbcSmsOutbox(
      JdbcClient jdbc,
      SchedulerClient scheduler,
      ImmediateDispatch immediate,
      BodySealer sealer,
      Estimates estimates,
      DeliverySettings settings,
      Clock clock,
      DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
    this.scheduler = scheduler;
    this.immediate = immediate;
    this.sealer = sealer;
    this.estimates = estimates;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Queued enqueue(OutgoingSms sms) {
    Instant now = clock.instant();
    Instant sendAt =
        sms.notBefore() != null && sms.notBefore().isAfter(now) ? sms.notBefore() : now;
    Instant expiresAt = (sms.notBefore() != null ? sms.notBefore() : now).plus(validity(sms));
    boolean redacted = sms.loggedBody() != null && !sms.loggedBody().equals(sms.body());
    Estimates.Estimate estimate = estimates.of(sms);
    if (!estimates.admit(sms, estimate)) {
      return Queued.refusedOverBudget();
    }
    Segments segments = estimate.segments();
    BigDecimal estimatedCost = estimate.cost();
    // a message due now is sent on this instance right after the commit; the poller waits the
    // grace period before it may take it
    boolean immediately = immediate.applies(sendAt);
    Instant taskAt = immediately ? immediate.taskTime(sendAt) : sendAt;
    byte[] sealed = redacted ? sealer.seal(sms.body()) : null;
    Map<String, Object> row = new HashMap<>();
    row.put("key", sms.idempotencyKey());
    row.put("recipient", sms.recipient() == null ? null : sms.recipient().value());
    row.put("triggeredBy", sms.triggeredBy() == null ? null : sms.triggeredBy().value());
    row.put("to", sms.to().e164());
    row.put("type", sms.type().code());
    row.put("body", redacted ? sms.loggedBody() : sms.body());
    row.put("sealed", sealed);
    row.put("status", MessageStatus.PENDING.code());
    row.put("attempts", 0);
    row.put("startedAt", null);
    row.put("provider", settings.provider().name().toLowerCase());
    row.put("segments", segments.count());
    row.put("encoding", segments.encoding().code());
    row.put("estimatedCost", estimatedCost);
    row.put("sendAt", utc(taskAt));
    row.put("priority", sms.priority().code());
    row.put("relatedType", sms.relatedObjectType());
    row.put("relatedId", sms.relatedObjectId());
    row.put("now", utc(now));
    row.put("expiresAt", utc(expiresAt));
    row.put("country", estimate.country());
    row.put("savedByEncoding", sms.accounting().savedByEncoding());
    row.put("savedByTrimming", sms.accounting().savedByTrimming());
    row.put("quotaWhenSent", sms.accounting().quotaWhenSent());
    Optional<Long> id =
        postgres
            ? insertWithTask(row, sms.priority(), taskAt)
            : insertThenSchedule(row, sms, taskAt);
    if (id.isEmpty()) {
      return new Queued(existingId(sms.idempotencyKey()), false);
    }
    if (immediately) {
      immediate.afterCommit(
          new MessageRow(
              id.get(),
              sms.to().e164(),
              sms.type(),
              (String) row.get("body"),
              sealed,
              MessageStatus.PENDING,
              0,
              null,
              segments.count(),
              estimatedCost,
              null,
              null,
              expiresAt,
              null,
              taskAt,
              now,
              sms.recipient() == null ? null : sms.recipient().value(),
              sms.accounting().quotaWhenSent(),
              null),
          sms.body(),
          sms.priority());
    }
    return new Queued(id.get(), true);
  }

  /**
   * PostgreSQL: the row and its dispatch task in one statement. The task row has the layout
   * db-scheduler writes itself (V1_1): not picked, version 1, no data.
   */
  private Optional<Long> insertWithTask(Map<String, Object> row, Priority priority, Instant at) {
    return jdbc.sql(
            "with m as ("
                + INSERT
                + " returning id) insert into scheduled_tasks (task_name, task_instance,"
                + " execution_time, picked, version, priority) select :task, cast(id as varchar),"
                + " :taskAt, false, 1, :weight from m returning task_instance")
        .params(row)
        .param("task", DispatchTasks.DISPATCH.getTaskName())
        .param("taskAt", utc(at))
        .param("weight", priority.weight())
        .query(String.class)
        .optional()
        .map(Long::valueOf);
  }

  /** H2: the row, then its task through db-scheduler (a plain insert: the row is new). */
  private Optional<Long> insertThenSchedule(Map<String, Object> row, OutgoingSms sms, Instant at) {
    var keys = new GeneratedKeyHolder();
    if (jdbc.sql(INSERT).params(row).update(keys, "id") != 1) {
      return Optional.empty();
    }
    long id = keys.getKey().longValue();
    scheduler.scheduleBatch(
        List.of(
            DispatchTasks.DISPATCH
                .instance(Long.toString(id))
                .priority(sms.priority().weight())
                .scheduledTo(at)));
    return Optional.of(id);
  }

  @Override
  public Optional<Long> existing(String idempotencyKey) {
    return jdbc.sql("select id from sms_message where idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(Long.class)
        .optional();
  }

  private long existingId(String idempotencyKey) {
    return existing(idempotencyKey).orElseThrow();
  }

  /** The sender's validity, else the type's default capped by the configured default. */
  private Duration validity(OutgoingSms sms) {
    if (sms.validity() != null) {
      return sms.validity();
    }
    Duration typeDefault = sms.type().defaultValidity();
    return typeDefault.compareTo(settings.defaultValidity()) < 0
        ? typeDefault
        : settings.defaultValidity();
  }
}
