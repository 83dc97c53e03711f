package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.shared.BatchPace;
import com.allthrive.sms.shared.Databases;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the end of a send in one short transaction each, publishing the status event in the same
 * transaction. A row someone else already moved on is left alone, without an event. The same
 * transaction removes the message's dispatch task unless another run holds it: on the immediate
 * path, and on the poller's for the task that run holds itself, which then has nothing left to end
 * (see {@link ProviderIds#markSent} and {@link MessageStore#markUnsent}). On PostgreSQL the sends
 * that end at the same moment are recorded together ({@link GroupCommit}): one statement and one
 * commit for all of them, and the caller returns once its own send is committed, as when recorded
 * alone.
 */
@Component
class Recorder implements DisposableBean {

  private record Sent(
      MessageRow row,
      String providerMessageId,
      MessageStatus reported,
      long heldTask,
      Instant now) {}

  private final MessageStore store;
  private final ProviderIds providerIds;
  private final StatusEvents events;
  private final TransactionTemplate tx;
  private final GroupCommit<Sent, Boolean> sends;

  Recorder(
      MessageStore store,
      ProviderIds providerIds,
      StatusEvents events,
      PlatformTransactionManager transactions,
      DeliverySettings settings,
      DeliveryMetrics metrics,
      DataSource dataSource) {
    this.store = store;
    this.providerIds = providerIds;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.sends =
        new GroupCommit<>(
            "sms-sent",
            Databases.isPostgres(dataSource) ? settings.statementBatch() : 1,
            2,
            new BatchPace(settings.statementPace()),
            this::sentAll,
            this::sentAlone,
            metrics.batchSizes("sent"));
  }

  /**
   * The provider took the message; {@code reported} may already be further than sent. {@code
   * heldTask} is the version of the message's dispatch task when the caller runs it (the poller),
   * else {@link DispatchTaskRows#NOT_HELD}; the task goes with the result either way.
   */
  void sent(
      MessageRow row,
      String providerMessageId,
      MessageStatus reported,
      long heldTask,
      Instant now) {
    sends.run(new Sent(row, providerMessageId, reported, heldTask, now));
  }

  private boolean sentAlone(Sent sent) {
    tx.executeWithoutResult(
        status ->
            after(
                sent,
                providerIds.markSent(
                    sent.row().id(), sent.providerMessageId(), sent.heldTask(), sent.now())));
    return true;
  }

  private List<Boolean> sentAll(List<Sent> sent) {
    Map<Long, String> ids = new LinkedHashMap<>();
    Map<Long, Long> held = new LinkedHashMap<>();
    sent.forEach(
        s -> {
          ids.put(s.row().id(), s.providerMessageId());
          held.put(s.row().id(), s.heldTask());
        });
    Instant now = sent.stream().map(Sent::now).max(Comparator.naturalOrder()).orElseThrow();
    tx.executeWithoutResult(
        status -> {
          Set<Long> moved = providerIds.markSentAll(ids, held, now);
          sent.forEach(s -> after(s, moved.contains(s.row().id())));
        });
    return Collections.nCopies(sent.size(), true);
  }

  /** What follows the move to sent, or its absence (a status callback came first). */
  private void after(Sent sent, boolean moved) {
    MessageRow row = sent.row();
    if (!moved) {
      providerIds.attach(row.id(), sent.providerMessageId());
      return;
    }
    events.changed(row, MessageStatus.SENT, sent.now());
    if (sent.reported().rank() > MessageStatus.SENT.rank()
        && store.advance(row.id(), sent.reported(), null, null, sent.now())) {
      events.changed(row, sent.reported(), sent.now());
    }
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

  @Override
  public void destroy() {
    sends.stop();
  }
}
