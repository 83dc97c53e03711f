package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to send one SMS.
 *
 * @param idempotencyKey the natural id of the cause (one cause never yields two messages)
 * @param to the destination
 * @param type the message type
 * @param body the text that is sent, at most 1,600 characters
 * @param loggedBody the text the log keeps when it must differ from {@code body} (a verification
 *     code redacted); null keeps {@code body}. The real body is then kept sealed until sent.
 * @param recipient the user the message is for, or null (an invitation to a raw number)
 * @param triggeredBy the user who caused the message, or null
 * @param relatedObjectType the platform object this is about, or null
 * @param relatedObjectId its id, or null
 * @param priority dispatch priority
 * @param notBefore earliest send time (a deferral past quiet hours), or null for now
 * @param validity how long after {@code notBefore} (or now) the message is still worth sending;
 *     null takes the type's default
 * @param accounting what the sender saved, and whether the per-user quota is taken when the message
 *     is sent
 */
public record OutgoingSms(
    String idempotencyKey,
    PhoneNumber to,
    MessageType type,
    String body,
    String loggedBody,
    UserId recipient,
    UserId triggeredBy,
    String relatedObjectType,
    String relatedObjectId,
    Priority priority,
    Instant notBefore,
    Duration validity,
    Accounting accounting) {

  public static final int MAX_BODY = 1600;

  /**
   * How a message is accounted for: the segments saved before queuing (look-alikes made GSM-7, user
   * text shortened), and whether the recipient's per-user quota ({@code UserSmsQuota}) is taken
   * when the message is sent rather than when it was decided (a deferred message).
   */
  public record Accounting(int savedByEncoding, int savedByTrimming, boolean quotaWhenSent) {
    public static final Accounting NONE = new Accounting(0, 0, false);

    public Accounting withQuotaWhenSent(boolean value) {
      return new Accounting(savedByEncoding, savedByTrimming, value);
    }
  }

  /** A request with nothing to account for. */
  public OutgoingSms(
      String idempotencyKey,
      PhoneNumber to,
      MessageType type,
      String body,
      String loggedBody,
      UserId recipient,
      UserId triggeredBy,
      String relatedObjectType,
      String relatedObjectId,
      Priority priority,
      Instant notBefore,
      Duration validity) {
    this(
        idempotencyKey,
        to,
        type,
        body,
        loggedBody,
        recipient,
        triggeredBy,
        relatedObjectType,
        relatedObjectId,
        priority,
        notBefore,
        validity,
        Accounting.NONE);
  }

  public OutgoingSms {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(priority, "priority");
    accounting = accounting == null ? Accounting.NONE : accounting;
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw new IllegalArgumentException("idempotency key must be 1-200 characters");
    }
    if (body.isEmpty() || body.length() > MAX_BODY) {
      throw new IllegalArgumentException("body must be 1-" + MAX_BODY + " characters");
    }
  }

  /** A message for a user, sent now, with the type's default validity. */
  public static OutgoingSms of(
      String idempotencyKey, PhoneNumber to, MessageType type, String body, UserId recipient) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        null,
        recipient,
        null,
        null,
        null,
        Priority.NORMAL,
        null,
        null);
  }

  public OutgoingSms withPriority(Priority value) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        loggedBody,
        recipient,
        triggeredBy,
        relatedObjectType,
        relatedObjectId,
        value,
        notBefore,
        validity,
        accounting);
  }

  public OutgoingSms withLoggedBody(String value) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        value,
        recipient,
        triggeredBy,
        relatedObjectType,
        relatedObjectId,
        priority,
        notBefore,
        validity,
        accounting);
  }

  public OutgoingSms withTriggeredBy(UserId value) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        loggedBody,
        recipient,
        value,
        relatedObjectType,
        relatedObjectId,
        priority,
        notBefore,
        validity,
        accounting);
  }

  public OutgoingSms withRelated(String objectType, String objectId) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        loggedBody,
        recipient,
        triggeredBy,
        objectType,
        objectId,
        priority,
        notBefore,
        validity,
        accounting);
  }

  public OutgoingSms withSchedule(Instant sendAt, Duration validFor) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        loggedBody,
        recipient,
        triggeredBy,
        relatedObjectType,
        relatedObjectId,
        priority,
        sendAt,
        validFor,
        accounting);
  }

  public OutgoingSms withAccounting(Accounting value) {
    return new OutgoingSms(
        idempotencyKey,
        to,
        type,
        body,
        loggedBody,
        recipient,
        triggeredBy,
        relatedObjectType,
        relatedObjectId,
        priority,
        notBefore,
        validity,
        value);
  }
}
