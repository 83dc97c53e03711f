package com.allthrive.sms.shared;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Spaces the starts of the batches of a group commit by at least an interval. After a quiet spell a
 * batch starts at once, so a lone item never waits; under load each batch waits for the rest of the
 * interval since the previous start and takes everything that came meanwhile. Without it a group
 * commit starts its next batch the moment the last one ends, so its batches shrink to whatever
 * arrived during one round trip: the busier the machine, the more statements and commits per item,
 * and the busier the machine. Shared by the workers of one group commit.
 */
public final class BatchPace {

  private final long interval;
  private long next;

  /** {@code interval} zero or less: no pacing, every batch starts at once. */
  public BatchPace(Duration interval) {
    this.interval = interval.toNanos();
    this.next = System.nanoTime();
  }

  /** Waits until the batch about to start may start, then counts it as started. */
  public void awaitTurn() throws InterruptedException {
    if (interval <= 0) {
      return;
    }
    long now = System.nanoTime();
    long start;
    synchronized (this) {
      start = now - next > 0 ? now : next;
      next = start + interval;
    }
    if (start - now > 0) {
      TimeUnit.NANOSECONDS.sleep(start - now);
    }
  }
}
