package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.notifications.internal.IntakeTransaction.Claiming;
import com.allthrive.sms.shared.BatchPace;
import com.allthrive.sms.shared.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the events taken in at the same moment together (group commit). A committer thread takes
 * what waits, up to {@code intakeBatch} events with distinct keys, and decides all their recipients
 * and stores their keys with their answers in one transaction ({@link IntakeTransaction}); an event
 * is answered only once that transaction has committed. A quiet service commits each event alone,
 * as soon as it arrives; under load the first committer's transactions start at a pace ({@code
 * intakePace}, {@link com.allthrive.sms.shared.BatchPace}), each taking everything that came since
 * the one before. The first committer takes every event; the others help only while more than a
 * batch waits: a second small transaction beside the first costs more statements and commits per
 * event and makes each wait longer, but a backlog needs both. Should the transaction fail (one
 * event's data, the day's spend cap, a deadlock), each of its events is taken again alone and
 * decided one recipient at a time, so that one event's failure is its own.
 */
@Component
class IntakeBatches implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(IntakeBatches.class);

  /** An event waiting for its transaction; the answer is empty when its key was taken before. */
  record Submission(
      EventStore.Claim claim,
      Collection<UserId> users,
      BiFunction<String, Recipients, List<Planned>> plan,
      CompletableFuture<Optional<EventIntake.Answer>> answer,
      long since) {}

  private static final int CLAIM_FIRST_BATCHES = 100;

  private final BlockingDeque<Submission> waiting = new LinkedBlockingDeque<>();
  private final IntakeTransaction transaction;
  private final TransactionTemplate transactions;
  private final AtomicInteger claimFirst = new AtomicInteger();
  private final int batch;
  private final IntakeMeters meters;
  private final List<Thread> committers = new ArrayList<>();
  private final Semaphore backlog = new Semaphore(0);
  private final BatchPace pace;

  IntakeBatches(
      IntakeTransaction transaction,
      TransactionTemplate transactions,
      NotificationsSettings settings,
      MeterRegistry registry) {
    this.transaction = transaction;
    this.transactions = transactions;
    this.batch = Math.max(1, settings.intakeBatch());
    this.meters = new IntakeMeters(registry, waiting);
    this.pace = new BatchPace(settings.intakePace());
    for (int i = 0; i < Math.max(1, settings.intakeCommitters()); i++) {
      boolean first = i == 0;
      Thread committer = new Thread(() -> commit(first), "event-intake-" + i);
      committer.setDaemon(true);
      committer.start();
      committers.add(committer);
    }
  }

  /** Waits for the event's transaction: its answer, or empty when its key was claimed before. */
  Optional<EventIntake.Answer> submit(
      String key,
      String hash,
      String type,
      Collection<UserId> users,
      BiFunction<String, Recipients, List<Planned>> plan) {
    var claim = new EventStore.Claim(UUID.randomUUID().toString(), key, hash, type);
    var submission =
        new Submission(claim, users, plan, new CompletableFuture<>(), System.nanoTime());
    waiting.add(submission);
    // one wake-up is enough for the helpers (they drain the permits); with none, permits would
    // only pile up
    if (waiting.size() > batch && backlog.availablePermits() == 0) {
      backlog.release();
    }
    return submission.answer().join();
  }

  private void commit(boolean first) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        List<Submission> taken = new ArrayList<>();
        if (first) {
          taken.add(waiting.take());
          pace.awaitTurn();
        } else {
          backlog.acquire();
          backlog.drainPermits();
        }
        waiting.drainTo(taken, batch - taken.size());
        if (taken.isEmpty()) {
          continue;
        }
        Set<String> keys = new HashSet<>();
        List<Submission> now = new ArrayList<>();
        List<Submission> again = new ArrayList<>();
        taken.forEach(s -> (keys.add(s.claim().key()) ? now : again).add(s));
        // a key repeated within the batch waits for the next one, which then finds it taken
        for (int i = again.size() - 1; i >= 0; i--) {
          waiting.addFirst(again.get(i));
        }
        try {
          run(now);
        } catch (Throwable failure) {
          // never leave a request waiting for a committer that is gone
          log.error("A batch of {} events failed", now.size(), failure);
          now.forEach(s -> s.answer().completeExceptionally(failure));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(List<Submission> submissions) {
    long start = System.nanoTime();
    meters.began(submissions.size());
    submissions.forEach(s -> meters.waited(s.since(), start));
    try {
      var answers = batch(submissions);
      meters.committed(start);
      complete(submissions, answers);
    } catch (RuntimeException e) {
      if (submissions.size() > 1) {
        log.debug("A batch of {} events is taken again one by one", submissions.size(), e);
      }
      for (Submission submission : submissions) {
        try {
          var alone = List.of(submission);
          complete(alone, inTransaction(alone, Claiming.ONE_BY_ONE));
        } catch (RuntimeException failure) {
          submission.answer().completeExceptionally(failure);
        }
      }
    }
  }

  /**
   * The batch's transaction, its keys claimed last, with the answers; should one have been taken
   * before (a retried event), it runs again with the keys claimed first, and so do the next {@link
   * #CLAIM_FIRST_BATCHES} batches: a platform that retries much would otherwise have many batches
   * decided twice.
   */
  private Map<Submission, Optional<EventIntake.Answer>> batch(List<Submission> submissions) {
    if (claimFirst.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      try {
        return inTransaction(submissions, Claiming.LAST);
      } catch (IntakeTransaction.KeysTaken taken) {
        claimFirst.set(CLAIM_FIRST_BATCHES);
      }
    }
    return inTransaction(submissions, Claiming.FIRST);
  }

  private Map<Submission, Optional<EventIntake.Answer>> inTransaction(
      List<Submission> submissions, Claiming claiming) {
    return transactions.execute(s -> transaction.decide(submissions, claiming));
  }

  private static void complete(
      List<Submission> submissions, Map<Submission, Optional<EventIntake.Answer>> answers) {
    submissions.forEach(s -> s.answer().complete(answers.get(s)));
  }

  @Override
  public void destroy() {
    committers.forEach(Thread::interrupt);
  }
}
