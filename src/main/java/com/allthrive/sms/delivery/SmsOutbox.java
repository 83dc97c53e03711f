package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.OneRoundTrip;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts messages for sending. {@link #enqueue} joins the caller's transaction: the log row and
 * its dispatch task commit or roll back with the business decision that caused them.
 */
public interface SmsOutbox {

  /**
   * The log row of an accepted message; {@code created} is false when the key was seen before.
   * {@code overBudget}: the day's spend cap refused the message and nothing was written (no id).
   */
  record Queued(long messageId, boolean created, boolean overBudget) {

    public Queued(long messageId, boolean created) {
      this(messageId, created, false);
    }

    public static Queued refusedOverBudget() {
      return new Queued(0, false, true);
    }
  }

  Queued enqueue(OutgoingSms sms);

  /**
   * {@link #enqueue} for a page of messages with distinct keys, in a few statements: one answer per
   * message, in order ({@code created} false where the key was seen before). Without {@code hold}
   * the texts due now go out right after the commit, as with {@link #enqueue}. With it (the pages
   * of one run, written before their texts go out) their dispatch is held until {@link
   * #releaseHeld}, or for at most the immediate-dispatch grace ({@code DeliverySettings}) if that
   * never comes, so the sends of the first pages do not slow down the writing of the rest. The
   * day's spend cap takes the page whole or not at all: when it would be passed, {@link
   * BudgetExceeded} is thrown and the caller's transaction must roll back (the caller may then
   * queue the messages one by one, each refused or taken on its own).
   */
  List<Queued> enqueueAll(List<OutgoingSms> messages, boolean hold);

  /**
   * Ids for up to {@code count} messages of {@link #enqueueAll(List, boolean, List)}, taken ahead:
   * a lookup, to ride with the caller's others. Empty where messages are written at once instead
   * (H2, or a day's spend cap, which must take a page before the caller's transaction goes on).
   */
  OneRoundTrip.Lookup<List<Long>> reserveIds(int count);

  /**
   * Messages queued, and the statements that write them ({@link #enqueueAll(List, boolean, List)}).
   */
  record Enqueued(List<Queued> queued, OneRoundTrip.Lookup<Void> write) {}

  /**
   * {@link #enqueueAll(List, boolean)} with ids taken ahead ({@link #reserveIds}): the answers at
   * once, and the statements that write the rows with their tasks, for the caller to run later in
   * the same transaction, with its other writes in one round trip, before it commits (the texts go
   * out after the commit). A key another transaction took meanwhile fails those statements ({@link
   * org.springframework.dao.DuplicateKeyException}): the caller's transaction must roll back. With
   * fewer ids than messages the rows are written at once, and the statements are empty.
   */
  Enqueued enqueueAll(List<OutgoingSms> messages, boolean hold, List<Long> ids);

  /**
   * Lets the held messages about one object ({@code related_object_type} and {@code _id}) queued by
   * {@link #enqueueAll} since {@code queuedSince} go out now, the oldest first; those deferred to a
   * later time keep it. How many were released.
   */
  int releaseHeld(String relatedObjectType, String relatedObjectId, Instant queuedSince);

  /** The id of the message queued under {@code idempotencyKey}, if there is one. */
  Optional<Long> existing(String idempotencyKey);

  /**
   * {@link #existing(String)} for many keys in one go: the ids found, by key. A lookup, so that the
   * caller can send it with others in one round trip ({@link OneRoundTrip}).
   */
  OneRoundTrip.Lookup<Map<String, Long>> existing(Collection<String> idempotencyKeys);

  /** The day's spend cap refused a page of messages queued at once. */
  final class BudgetExceeded extends RuntimeException {

    public BudgetExceeded(MessageType type, BigDecimal cost) {
      super("the daily spend cap does not take " + cost + " more for " + type.code() + " texts");
    }
  }
}
