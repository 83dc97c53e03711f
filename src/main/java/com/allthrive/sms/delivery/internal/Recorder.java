package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.MessageStatus;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the end of a send in one short transaction each, publishing the status event in the same
 * transaction. A row someone else already moved on is left alone, without an event. The same
 * transaction removes the message's dispatch task when no poller holds it (a send on the immediate
 * path; see {@link MessageStore#markSent} and {@link MessageStore#markUnsent}); a task the poller
 * runs is ended by the poller.
 */
@Component
class Recorder {

  private final MessageStore store;
  private final StatusEvents events;
  private final TransactionTemplate tx;

  Recorder(MessageStore store, StatusEvents events, PlatformTransactionManager transactions) {
    this.store = store;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
  }

  /** The provider took the message; {@code reported} may already be further than sent. */
  void sent(MessageRow row, String providerMessageId, MessageStatus reported, Instant now) {
    tx.executeWithoutResult(
        status -> {
          if (!store.markSent(row.id(), providerMessageId, now)) {
            store.attachProviderId(row.id(), providerMessageId);
            return;
          }
          events.changed(row, MessageStatus.SENT, now);
          if (reported.rank() > MessageStatus.SENT.rank()
              && store.advance(row.id(), reported, null, null, now)) {
            events.changed(row, reported, now);
          }
        });
  }

  /** The message ends unsent: failed or expired. */
  void unsent(
      MessageRow row,
      MessageStatus status,
      String code,
      String message,
      boolean optOut,
      Instant now) {
    tx.executeWithoutResult(
        s -> {
          if (store.markUnsent(row.id(), status, code, message, now)) {
            events.changed(row, status, now);
            if (optOut) {
              events.optedOut(row, now);
            }
          }
        });
  }
}
