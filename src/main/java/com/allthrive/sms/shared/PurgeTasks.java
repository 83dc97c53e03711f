package com.allthrive.sms.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring retention jobs: each module purges its own tables with a task built here, which one
 * instance of the cluster runs every {@code every} (db-scheduler) with the cut-off {@code now -
 * retention}. Purges work in batches of {@link #BATCH} rows so no statement holds long locks.
 */
public final class PurgeTasks {

  /** Rows a purge statement touches at most; a purge repeats it until fewer are left. */
  public static final int BATCH = 5_000;

  private static final Logger log = LoggerFactory.getLogger(PurgeTasks.class);

  private PurgeTasks() {}

  /**
   * A recurring task that calls {@code purge} with the cut-off until it reports fewer than {@link
   * #BATCH} rows.
   *
   * @param purge removes (or strips) up to {@link #BATCH} rows older than the cut-off, returns how
   *     many
   */
  public static RecurringTask<Void> recurring(
      String name, Duration every, Duration retention, Clock clock, ToIntFunction<Instant> purge) {
    return Tasks.recurring(name, FixedDelay.of(every))
        .execute((instance, context) -> run(name, clock.instant().minus(retention), purge));
  }

  private static void run(String name, Instant cutoff, ToIntFunction<Instant> purge) {
    int total = 0;
    int batch;
    do {
      batch = purge.applyAsInt(cutoff);
      total += batch;
    } while (batch >= BATCH);
    log.info("Retention {}: {} rows older than {} purged", name, total, cutoff);
  }
}
