package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.shared.BatchPace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One short statement for many senders at once (group commit). A caller hands in its item and waits
 * for its own result; a worker takes what waits, up to {@code max} items, and runs them as one
 * batch: one round trip and one commit instead of one each. A lone item runs alone, at once. Should
 * the batch fail, each of its items runs again alone, so one item's failure is its own. Items of
 * one batch never overlap (each message is in at most one send at a time), so results do not depend
 * on their order.
 *
 * @param <T> what a caller hands in
 * @param <R> its result
 */
final class GroupCommit<T, R> {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private record Waiting<T, R>(T item, CompletableFuture<R> result) {}

  private final BlockingQueue<Waiting<T, R>> waiting = new LinkedBlockingQueue<>();
  private final Function<List<T>, List<R>> batch;
  private final Function<T, R> single;
  private final int max;
  private final IntConsumer sizes;
  private final BatchPace pace;
  private volatile boolean stopped;

  /**
   * @param max items in one batch at most; below 2 every item runs alone in its caller's thread
   * @param threads batches that run at once
   * @param pace when each batch may start ({@link BatchPace})
   * @param batch runs several items at once and answers their results in the same order
   * @param single runs one item alone
   * @param sizes told the size of every batch and lone item the workers run
   */
  GroupCommit(
      String name,
      int max,
      int threads,
      BatchPace pace,
      Function<List<T>, List<R>> batch,
      Function<T, R> single,
      IntConsumer sizes) {
    this.batch = batch;
    this.single = single;
    this.max = max;
    this.sizes = sizes;
    this.pace = pace;
    if (max < 2) {
      stopped = true;
      return;
    }
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(this::work, name + "-" + i);
      worker.setDaemon(true);
      worker.start();
    }
  }

  /** Runs {@code item} with whatever waits beside it and answers its result. */
  R run(T item) {
    if (stopped) {
      return single.apply(item);
    }
    Waiting<T, R> entry = new Waiting<>(item, new CompletableFuture<>());
    waiting.add(entry);
    if (stopped && waiting.remove(entry)) {
      return single.apply(item);
    }
    try {
      return entry.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Lets the workers finish what they took and run alone whatever still waits; they end within a
   * second.
   */
  void stop() {
    stopped = true;
  }

  private void work() {
    List<Waiting<T, R>> taken = new ArrayList<>(max);
    while (!stopped) {
      try {
        Waiting<T, R> first = waiting.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        pace.awaitTurn();
        waiting.drainTo(taken, max - 1);
        runAll(taken);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        taken.clear();
      }
    }
    Waiting<T, R> left;
    while ((left = waiting.poll()) != null) {
      runAlone(left);
    }
  }

  /** Items that wait for a worker. */
  int waiting() {
    return waiting.size();
  }

  private void runAll(List<Waiting<T, R>> taken) {
    sizes.accept(taken.size());
    if (taken.size() == 1) {
      runAlone(taken.get(0));
      return;
    }
    List<R> results;
    try {
      results = batch.apply(taken.stream().map(Waiting::item).toList());
    } catch (RuntimeException e) {
      log.debug("A batch of {} failed; each runs alone", taken.size(), e);
      taken.forEach(this::runAlone);
      return;
    }
    for (int i = 0; i < taken.size(); i++) {
      taken.get(i).result().complete(results.get(i));
    }
  }

  private void runAlone(Waiting<T, R> entry) {
    try {
      entry.result().complete(single.apply(entry.item()));
    } catch (RuntimeException e) {
      entry.result().completeExceptionally(e);
    }
  }
}
