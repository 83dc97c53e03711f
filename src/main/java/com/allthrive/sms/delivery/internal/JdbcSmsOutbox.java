package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.Segments;
import com.allthrive.sms.delivery.SmsOutbox;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the log row and its dispatch task in the caller's transaction. The unique idempotency key
 * makes a repeated cause a no-op, also under concurrency ({@code on conflict do nothing}). Validity
 * counts from {@code notBefore} when given (a deferral), else from now; the estimated cost is the
 * segment count times the configured segment price, exact.
 */
@Service
class JdbcSmsOutbox implements SmsOutbox {

  private final JdbcClient jdbc;
  private final SchedulerClient scheduler;
  private final ImmediateDispatch immediate;
  private final BodySealer sealer;
  private final DeliverySettings settings;
  private final Clock clock;

  JdbcSmsOutbox(
      JdbcClient jdbc,
      SchedulerClient scheduler,
      ImmediateDispatch immediate,
      BodySealer sealer,
      DeliverySettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.scheduler = scheduler;
    this.immediate = immediate;
    this.sealer = sealer;
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
    Segments segments = Segments.of(sms.body());
    BigDecimal estimatedCost =
        settings.pricePerSegment().multiply(BigDecimal.valueOf(segments.count()));
    var keys = new GeneratedKeyHolder();
    int inserted =
        jdbc.sql(
                """
                insert into sms_message (idempotency_key, recipient_user_id, triggered_by_user_id,
                  to_phone, message_type, body, sealed_body, status, provider, segments, encoding,
                  estimated_cost, attempts, next_attempt_at, priority, related_object_type,
                  related_object_id, created_at, expires_at, updated_at)
                values (:key, :recipient, :triggeredBy, :to, :type, :body, :sealed, :status,
                  :provider, :segments, :encoding, :estimatedCost, 0, :sendAt, :priority,
                  :relatedType, :relatedId, :now, :expiresAt, :now)
                on conflict do nothing""")
            .param("key", sms.idempotencyKey())
            .param("recipient", sms.recipient() == null ? null : sms.recipient().value())
            .param("triggeredBy", sms.triggeredBy() == null ? null : sms.triggeredBy().value())
            .param("to", sms.to().e164())
            .param("type", sms.type().code())
            .param("body", redacted ? sms.loggedBody() : sms.body())
            .param("sealed", redacted ? sealer.seal(sms.body()) : null)
            .param("status", MessageStatus.PENDING.code())
            .param("provider", settings.provider().name().toLowerCase())
            .param("segments", segments.count())
            .param("encoding", segments.encoding().code())
            .param("estimatedCost", estimatedCost)
            .param("sendAt", utc(sendAt))
            .param("priority", sms.priority().code())
            .param("relatedType", sms.relatedObjectType())
            .param("relatedId", sms.relatedObjectId())
            .param("now", utc(now))
            .param("expiresAt", utc(expiresAt))
            .update(keys, "id");
    if (inserted != 1) {
      return new Queued(existingId(sms.idempotencyKey()), false);
    }
    long id = keys.getKey().longValue();
    // a row this transaction just created cannot have a task yet: a plain insert is enough
    scheduler.scheduleBatch(
        List.of(
            DispatchTasks.DISPATCH
                .instance(Long.toString(id))
                .priority(sms.priority().weight())
                .scheduledTo(immediate.taskTime(sendAt))));
    immediate.afterCommit(id, sendAt);
    return new Queued(id, true);
  }

  private long existingId(String idempotencyKey) {
    return jdbc.sql("select id from sms_message where idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(Long.class)
        .single();
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
