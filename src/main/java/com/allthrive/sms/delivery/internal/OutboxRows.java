package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.OutgoingSms;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The log row of a message about to be queued, as the outbox's inserts write it: when its task is
 * due, whether it is sent right after the commit on this instance, its sealed body and its cost
 * estimate.
 */
@Component
class OutboxRows {

  /** A message ready to insert; {@code row} holds the insert's named parameters. */
  record Prepared(
      OutgoingSms sms,
      Map<String, Object> row,
      Instant now,
      Instant taskAt,
      Instant expiresAt,
      boolean immediately,
      byte[] sealed,
      Estimates.Estimate estimate) {

    /** The row as inserted under {@code id}, for the send right after the commit. */
    MessageRow pending(long id) {
      return new MessageRow(
          id,
          sms.to().e164(),
          sms.type(),
          (String) row.get("body"),
          sealed,
          MessageStatus.PENDING,
          0,
          null,
          estimate.segments().count(),
          estimate.cost(),
          null,
          null,
          expiresAt,
          null,
          taskAt,
          now,
          sms.recipient() == null ? null : sms.recipient().value(),
          sms.accounting().quotaWhenSent(),
          null);
    }
  }

  private final ImmediateDispatch immediate;
  private final BodySealer sealer;
  private final Estimates estimates;
  private final DeliverySettings settings;

  OutboxRows(
      ImmediateDispatch immediate,
      BodySealer sealer,
      Estimates estimates,
      DeliverySettings settings) {
    this.immediate = immediate;
    this.sealer = sealer;
    this.estimates = estimates;
    this.settings = settings;
  }

  /**
   * The row of {@code sms} queued at {@code now}; {@code single}: queued alone, so that when due
   * now it is sent on this instance right after the commit. A message of a page is left to the
   * pollers of every instance, and its task held until {@link #heldUntil} (or its own later time):
   * the pages of a run are written first and their texts released at once when the run ends ({@link
   * JdbcSmsOutbox#releaseHeld}), or by the hold's end if the run never gets there. Its {@code
   * next_attempt_at} is its own time, so a poller may claim it once its task is due.
   */
  Prepared prepare(OutgoingSms sms, Instant now, boolean single) {
    Instant sendAt =
        sms.notBefore() != null && sms.notBefore().isAfter(now) ? sms.notBefore() : now;
    Instant expiresAt = (sms.notBefore() != null ? sms.notBefore() : now).plus(validity(sms));
    boolean redacted = sms.loggedBody() != null && !sms.loggedBody().equals(sms.body());
    Estimates.Estimate estimate = estimates.of(sms);
    // a message due now is sent on this instance right after the commit; the poller waits the
    // grace period before it may take it
    boolean immediately = single && immediate.applies(sendAt);
    Instant taskAt = immediately ? immediate.taskTime(sendAt) : sendAt;
    Instant held = heldUntil(now);
    if (!single && taskAt.isBefore(held)) {
      taskAt = held;
    }
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
    row.put("segments", estimate.segments().count());
    row.put("encoding", estimate.segments().encoding().code());
    row.put("estimatedCost", estimate.cost());
    row.put("sendAt", utc(single ? taskAt : sendAt));
    row.put("priority", sms.priority().code());
    row.put("relatedType", sms.relatedObjectType());
    row.put("relatedId", sms.relatedObjectId());
    row.put("now", utc(now));
    row.put("expiresAt", utc(expiresAt));
    row.put("country", estimate.country());
    row.put("savedByEncoding", sms.accounting().savedByEncoding());
    row.put("savedByTrimming", sms.accounting().savedByTrimming());
    row.put("quotaWhenSent", sms.accounting().quotaWhenSent());
    return new Prepared(sms, row, now, taskAt, expiresAt, immediately, sealed, estimate);
  }

  /** Until when the tasks of a page queued at {@code now} wait for their release. */
  Instant heldUntil(Instant now) {
    return immediate.taskTime(now);
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
