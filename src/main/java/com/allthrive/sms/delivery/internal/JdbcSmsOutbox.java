package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.shared.Databases;
import com.allthrive.sms.shared.OneRoundTrip;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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

  static final String INSERT =
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
  private final OutboxRows rows;
  private final OutboxPages pages;
  private final Estimates estimates;
  private final Clock clock;

  JdbcSmsOutbox(
      JdbcClient jdbc,
      SchedulerClient scheduler,
      ImmediateDispatch immediate,
      OutboxRows rows,
      OutboxPages pages,
      Estimates estimates,
      Clock clock,
      DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
    this.scheduler = scheduler;
    this.immediate = immediate;
    this.rows = rows;
    this.pages = pages;
    this.estimates = estimates;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Queued enqueue(OutgoingSms sms) {
    OutboxRows.Prepared p = rows.prepare(sms, clock.instant(), true);
    if (!estimates.admit(sms.type(), p.estimate().cost())) {
      return Queued.refusedOverBudget();
    }
    Optional<Long> id = postgres ? insertWithTask(p) : insertThenSchedule(p);
    if (id.isEmpty()) {
      return new Queued(existingId(sms.idempotencyKey()), false);
    }
    sendAfterCommit(p, id.get());
    return new Queued(id.get(), true);
  }

  /**
   * The page's rows and tasks in one statement on PostgreSQL (one by one elsewhere), then the day's
   * spend for the messages written, per type: taken last, so the day's row stays locked only for
   * the rest of the caller's transaction.
   */
  @Override
  @Transactional
  public List<Queued> enqueueAll(List<OutgoingSms> messages, boolean hold) {
    Instant now = clock.instant();
    List<OutboxRows.Prepared> prepared =
        messages.stream().map(m -> rows.prepare(m, now, !hold)).toList();
    List<Optional<Long>> ids =
        postgres
            ? pages.insertWithTasks(prepared, hold ? rows.heldUntil(now) : now)
            : prepared.stream().map(this::insertThenSchedule).toList();
    Map<MessageType, BigDecimal> spend = new EnumMap<>(MessageType.class);
    for (int i = 0; i < prepared.size(); i++) {
      if (ids.get(i).isPresent()) {
        spend.merge(
            prepared.get(i).sms().type(), prepared.get(i).estimate().cost(), BigDecimal::add);
      }
    }
    spend.forEach(
        (type, cost) -> {
          if (!estimates.admit(type, cost)) {
            throw new BudgetExceeded(type, cost);
          }
        });
    List<Queued> queued = new ArrayList<>(prepared.size());
    for (int i = 0; i < prepared.size(); i++) {
      OutboxRows.Prepared p = prepared.get(i);
      Optional<Long> id = ids.get(i);
      id.ifPresent(value -> sendAfterCommit(p, value));
      queued.add(
          id.map(value -> new Queued(value, true))
              .orElseGet(() -> new Queued(existingId(p.sms().idempotencyKey()), false)));
    }
    return queued;
  }

  @Override
  public OneRoundTrip.Lookup<List<Long>> reserveIds(int count) {
    if (!postgres || count == 0 || estimates.capsSpend()) {
      return OneRoundTrip.Lookup.answered(List.of());
    }
    return pages.reserveIds(count);
  }

  @Override
  public Enqueued enqueueAll(List<OutgoingSms> messages, boolean hold, List<Long> ids) {
    if (messages.isEmpty() || ids.size() < messages.size()) {
      return new Enqueued(enqueueAll(messages, hold), OneRoundTrip.Lookup.answered(null));
    }
    Instant now = clock.instant();
    List<OutboxRows.Prepared> prepared =
        messages.stream().map(m -> rows.prepare(m, now, !hold)).toList();
    List<Queued> queued = new ArrayList<>(prepared.size());
    for (int i = 0; i < prepared.size(); i++) {
      sendAfterCommit(prepared.get(i), ids.get(i));
      queued.add(new Queued(ids.get(i), true));
    }
    var write = pages.writeWithTasks(prepared, ids, hold ? rows.heldUntil(now) : now);
    return new Enqueued(queued, write);
  }

  private void sendAfterCommit(OutboxRows.Prepared p, long id) {
    if (p.immediately()) {
      immediate.afterCommit(p.pending(id), p.sms().body(), p.sms().priority());
    }
  }

  /**
   * PostgreSQL: the row and its dispatch task in one statement. The task row has the layout
   * db-scheduler writes itself (V1_1): not picked, version 1, no data.
   */
  private Optional<Long> insertWithTask(OutboxRows.Prepared p) {
    return jdbc.sql(
            "with m as ("
                + INSERT
                + " returning id) insert into scheduled_tasks (task_name, task_instance,"
                + " execution_time, picked, version, priority) select :task, cast(id as varchar),"
                + " :taskAt, false, 1, :weight from m returning task_instance")
        .params(p.row())
        .param("task", DispatchTasks.DISPATCH.getTaskName())
        .param("taskAt", utc(p.taskAt()))
        .param("weight", p.sms().priority().weight())
        .query(String.class)
        .optional()
        .map(Long::valueOf);
  }

  /** H2: the row, then its task through db-scheduler (a plain insert: the row is new). */
  private Optional<Long> insertThenSchedule(OutboxRows.Prepared p) {
    var keys = new GeneratedKeyHolder();
    if (jdbc.sql(INSERT).params(p.row()).update(keys, "id") != 1) {
      return Optional.empty();
    }
    long id = keys.getKey().longValue();
    scheduler.scheduleBatch(
        List.of(
            DispatchTasks.DISPATCH
                .instance(Long.toString(id))
                .priority(p.sms().priority().weight())
                .scheduledTo(p.taskAt())));
    return Optional.of(id);
  }

  @Override
  public int releaseHeld(String relatedObjectType, String relatedObjectId, Instant queuedSince) {
    Instant now = clock.instant();
    return jdbc.sql(OutboxPages.RELEASE)
        .param("task", DispatchTasks.DISPATCH.getTaskName())
        .param("now", utc(now))
        .param("heldUntil", utc(rows.heldUntil(now)))
        .param("since", utc(queuedSince))
        .param("type", relatedObjectType)
        .param("id", relatedObjectId)
        .update();
  }

  @Override
  public Optional<Long> existing(String idempotencyKey) {
    return jdbc.sql("select id from sms_message where idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(Long.class)
        .optional();
  }

  @Override
  public OneRoundTrip.Lookup<Map<String, Long>> existing(Collection<String> idempotencyKeys) {
    return pages.existing(idempotencyKeys);
  }

  private long existingId(String idempotencyKey) {
    return existing(idempotencyKey).orElseThrow();
  }
}
