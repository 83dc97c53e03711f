package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.Priority;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a message that is due now on this instance as soon as the transaction that queued it
 * commits, so that a verification code does not wait for the next poll. Its row is inserted {@code
 * pending} and its dispatch task is written all the same, both due only {@code
 * immediateDispatchGrace} later: if this instance dies before the send, or is too busy to take it,
 * the poller of any instance sends it then. Right before the provider call this path claims the row
 * like every other path: one conditional statement (still pending, no attempt yet, every send
 * condition holding). A message that waited here past the grace period is the poller's: this path
 * leaves it without a statement, and should the two still meet on a row, the claim lets only one
 * through, so one message is one provider request. When the send ends here, the {@link Recorder}
 * removes the task with the result; when the message needs another look (a retry, a lost answer)
 * the task is moved to that time.
 */
@Component
class ImmediateDispatch implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ImmediateDispatch.class);
  private static final int QUEUE = 10_000;

  private final Sender sender;
  private final Recorder recorder;
  private final SendClaims claims;
  private final Cancellations cancellations;
  private final DispatchTaskRows tasks;
  private final DeliverySettings settings;
  private final Clock clock;
  private final HeldSends held;
  private final SenderSlots slots;
  private final ExecutorService executor;
  private final SendQueue<Queued> queue;
  private volatile boolean stopping;

  private record Queued(MessageRow row, String body) {}

  ImmediateDispatch(
      Sender sender,
      Recorder recorder,
      SendClaims claims,
      Cancellations cancellations,
      DispatchTaskRows tasks,
      HeldSends held,
      SenderSlots slots,
      DeliverySettings settings,
      Clock clock,
      Environment environment) {
    this.sender = sender;
    this.recorder = recorder;
    this.claims = claims;
    this.cancellations = cancellations;
    this.tasks = tasks;
    this.held = held;
    this.slots = slots;
    this.settings = settings;
    this.clock = clock;
    boolean virtual = Threading.VIRTUAL.isActive(environment);
    int threads = threads(settings.immediateDispatchThreads(), virtual);
    this.executor =
        (virtual ? VirtualDispatchThreads.create(threads) : Optional.<ExecutorService>empty())
            .orElseGet(() -> platformThreads(threads));
    this.queue = new SendQueue<>(executor, QUEUE, q -> run(q.row(), q.body()));
  }

  /**
   * Sends that run at once: as configured, else 200 on virtual threads and 150 on platform threads.
   * With a provider that answers in 50 ms, 100 senders carry at most about 1,300 messages a second
   * once the claim and the record are counted; on Java 17, 200 platform threads cost more in
   * switching than they add.
   */
  static int threads(int configured, boolean virtual) {
    if (configured > 0) {
      return configured;
    }
    return virtual ? 200 : 150;
  }

  /** When the task of a message sent this way runs, in case this instance does not send it. */
  Instant taskTime(Instant sendAt) {
    return sendAt.plus(settings.immediateDispatchGrace());
  }

  /**
   * Sends a row the current transaction inserted (pending, no attempt yet) once that transaction
   * commits; {@code body} is the real text. Queued most urgent first ({@link SendQueue}).
   */
  void afterCommit(MessageRow row, String body, Priority priority) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            if (!queue.offer(new Queued(row, body), priority)) {
              release(row);
            }
          }
        });
  }

  /** Whether a message due at {@code sendAt} is sent this way. */
  boolean applies(Instant sendAt) {
    return settings.immediateDispatch() && !sendAt.isAfter(clock.instant());
  }

  private void run(MessageRow row, String body) {
    if (stopping) {
      release(row);
      return;
    }
    try {
      Instant now = clock.instant();
      if (row.nextAttemptAt() != null && !now.isBefore(row.nextAttemptAt())) {
        // waited here past its grace period: its task is due and a poller may take it now, so it
        // is left to the task instead of costing both paths a claim (this is how a backlog
        // clears without doubling the work of each message in it)
        return;
      }
      if (!now.isBefore(row.expiresAt())) {
        release(row);
        return;
      }
      Optional<Instant> heldUntil = held.heldUntil();
      if (heldUntil.isPresent()) {
        hold(row, now, heldUntil.get());
        return;
      }
      Optional<Instant> slot = slots.wait(row, now);
      if (slot.isPresent()) {
        hold(row, now, slot.get());
        return;
      }
      if (!claims.claimFresh(row.id(), now)) {
        cancellations.refused(row, now);
        return;
      }
      Next next = sender.send(row, body, now, 1);
      if (!next.done()) {
        tasks.moveTo(row.id(), next.at());
      }
    } catch (RuntimeException e) {
      log.warn("Immediate send of SMS {} failed; its task will look into it", row.id(), e);
    }
  }

  /**
   * Not sent here after all (stopping, too busy, or past its validity): due now for the poller
   * rather than after the grace period, unless another path took it.
   */
  private void release(MessageRow row) {
    try {
      Instant now = clock.instant();
      if (claims.release(row.id(), now)) {
        tasks.moveTo(row.id(), now);
      }
    } catch (RuntimeException e) {
      log.warn("SMS {} waits for its task's grace period", row.id(), e);
    }
  }

  /**
   * Not now (the provider is down, or the sender's next slot is later): the poller takes the
   * message once it may be sent, or expires it.
   */
  private void hold(MessageRow row, Instant now, Instant until) {
    if (claims.release(row.id(), now)) {
      tasks.moveTo(row.id(), HeldSends.until(until, row.expiresAt()));
    }
  }

  private static ExecutorService platformThreads(int threads) {
    var pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new CustomizableThreadFactory("sms-send-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Lets running sends finish; queued ones go back to pending for the poller. */
  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    queue.drainTo(q -> release(q.row()));
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
