package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatch task of one message. The row, not the task, holds the state, so a task that
 * runs twice (a crash between recording and rescheduling) does no harm:
 *
 * <ul>
 *   <li>{@code pending}: wait for its retry time, expire it when its validity ran out, else claim
 *       it: one conditional statement moves it to {@code sending} only while it is still pending
 *       after the same number of attempts and every {@link SendConditions send condition} holds. A
 *       message a condition refuses ends {@code canceled} (see {@link Cancellations}); a claim
 *       another path won leaves the message to that path.
 *   <li>{@code sending}: an earlier send was not answered (a timeout, or a crash after the request
 *       left). It is looked up at the provider, never resent blindly; see {@link LostSends}.
 *   <li>anything else: already done.
 * </ul>
 *
 * <p>While the provider is down a pending message is held ({@link HeldSends}): no claim, no
 * attempt, its task moved to the moment a probe may go. With a sender rate limit a message first
 * takes its sender's next slot and waits for it ({@link SenderSlots}).
 */
@Component
class Dispatcher {

  private final MessageStore store;
  private final SendClaims claims;
  private final Sender sender;
  private final LostSends lostSends;
  private final Recorder recorder;
  private final Cancellations cancellations;
  private final QuotaClaims quotaClaims;
  private final HeldSends held;
  private final SenderSlots slots;
  private final DeliverySettings settings;
  private final Clock clock;

  Dispatcher(
      MessageStore store,
      SendClaims claims,
      Sender sender,
      LostSends lostSends,
      Recorder recorder,
      Cancellations cancellations,
      QuotaClaims quotaClaims,
      HeldSends held,
      SenderSlots slots,
      DeliverySettings settings,
      Clock clock) {
    this.store = store;
    this.claims = claims;
    this.sender = sender;
    this.lostSends = lostSends;
    this.recorder = recorder;
    this.cancellations = cancellations;
    this.quotaClaims = quotaClaims;
    this.held = held;
    this.slots = slots;
    this.settings = settings;
    this.clock = clock;
  }

  /** One run of the message's task, which this run holds at version {@code heldTask}. */
  Next dispatch(long messageId, long heldTask) {
    Optional<Instant> heldUntil = held.heldUntil();
    if (heldUntil.isPresent()) {
      Optional<Next> next = held.hold(messageId, heldUntil.get());
      if (next.isPresent()) {
        return next.get();
      }
    }
    Instant now = clock.instant();
    Optional<MessageRow> claimed =
        slots.limited() ? Optional.empty() : claims.claimDue(messageId, now);
    if (claimed.isPresent()) {
      return claimed(claimed.get(), heldTask, now);
    }
    Optional<MessageRow> found = store.find(messageId);
    if (found.isEmpty()) {
      return Next.DONE;
    }
    MessageRow row = found.get();
    if (row.status() == MessageStatus.PENDING) {
      return pending(row, heldTask, clock.instant());
    }
    if (row.status() == MessageStatus.SENDING) {
      return lostSends.resolve(row);
    }
    return Next.DONE;
  }

  private Next pending(MessageRow row, long heldTask, Instant now) {
    if (row.nextAttemptAt() != null && row.nextAttemptAt().isAfter(now)) {
      return Next.at(row.nextAttemptAt());
    }
    if (row.erased()) {
      return unsent(row, "recipient_erased", "the recipient's data was erased", now);
    }
    if (!now.isBefore(row.expiresAt())) {
      return unsent(row, "validity_elapsed", "not sent within its validity", now);
    }
    Optional<String> body = sender.realBody(row);
    if (body.isEmpty()) {
      return unsent(row, "sealed_body_unreadable", "the sealed text cannot be opened", now);
    }
    Optional<Instant> slot = slots.wait(row, now);
    if (slot.isPresent()) {
      return Next.at(slot.get());
    }
    if (quotaClaims.claim(row, now)) {
      return sender.send(row, body.get(), now, row.attempts() + 1, heldTask);
    }
    if (cancellations.refused(row, now).isPresent()) {
      return Next.DONE;
    }
    return afterLostClaim(row.id(), now);
  }

  /**
   * Another path took the row between the read and the claim: this task only comes back to look
   * once more, in case that path dies; a finished message needs nothing.
   */
  private Next afterLostClaim(long id, Instant now) {
    Optional<MessageRow> row = store.find(id);
    if (row.isEmpty() || row.get().status().rank() >= MessageStatus.SENT.rank()) {
      return Next.DONE;
    }
    return Next.at(now.plus(settings.unknownOutcomeRecheck()));
  }

  /** The common case in one statement: the row was due and is now {@code sending}. */
  private Next claimed(MessageRow row, long heldTask, Instant now) {
    Optional<String> body = sender.realBody(row);
    if (body.isEmpty()) {
      return unsent(row, "sealed_body_unreadable", "the sealed text cannot be opened", now);
    }
    return sender.send(row, body.get(), now, row.attempts(), heldTask);
  }

  private Next unsent(MessageRow row, String code, String message, Instant now) {
    recorder.unsent(row, MessageStatus.EXPIRED, code, message, false, now);
    return Next.DONE;
  }
}
