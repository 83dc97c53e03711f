package com.allthrive.sms.notifications.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * What the group commit of the event intake shows: the events waiting for their transaction, how
 * long they waited, how many committed together and how long their transaction took. An intake
 * whose answers are slow shows here whether the time went into waiting for a committer (a backlog)
 * or into the transaction itself (the database).
 */
final class IntakeMeters {

  private final DistributionSummary sizes;
  private final Timer waits;
  private final Timer commits;

  IntakeMeters(MeterRegistry registry, Collection<?> waiting) {
    this.sizes =
        DistributionSummary.builder("sms.events.batch")
            .description("Events taken in that committed in one transaction")
            .register(registry);
    this.waits =
        Timer.builder("sms.events.wait")
            .description("Time an event taken in waited for its transaction to begin")
            .register(registry);
    this.commits =
        Timer.builder("sms.events.commit")
            .description("Time a transaction of events taken in took, from begin to commit")
            .register(registry);
    Gauge.builder("sms.events.waiting", waiting, Collection::size)
        .description("Events taken in that wait for their transaction")
        .register(registry);
  }

  /** A transaction of {@code size} events begins. */
  void began(int size) {
    sizes.record(size);
  }

  /** An event taken in at {@code since} begins its transaction at {@code start} (nanoTime). */
  void waited(long since, long start) {
    waits.record(start - since, TimeUnit.NANOSECONDS);
  }

  /** The transaction begun at {@code start} (nanoTime) has committed. */
  void committed(long start) {
    commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }
}
