package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one reminder window of a challenge to every participant who has not submitted. Participants
 * are read page by page in id order, each page decided and queued in a transaction of its own (a
 * few pages at once), so a challenge of any size is never held in memory or in one transaction.
 * Each participant's reminder is claimed by a unique row ({@code challenge_reminder}) in the
 * transaction that records the decision and the message: a rerun after a crash, a restart or a
 * second instance skips whoever was done and carries on. A page is decided at once ({@link
 * ReminderPage}), or one participant at a time when the day's spend cap refuses it whole; the texts
 * of the run go out when its last page is written ({@link SmsOutbox#releaseHeld}).
 */
@Component
class ReminderFanout {

  private static final Logger log = LoggerFactory.getLogger(ReminderFanout.class);

  private final ChallengeStore challenges;
  private final ReminderPage pages;
  private final SmsOutbox outbox;
  private final TransactionTemplate transactions;
  private final NotificationsSettings settings;
  private final Clock clock;

  ReminderFanout(
      ChallengeStore challenges,
      ReminderPage pages,
      SmsOutbox outbox,
      TransactionTemplate transactions,
      NotificationsSettings settings,
      Clock clock) {
    this.challenges = challenges;
    this.pages = pages;
    this.outbox = outbox;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Runs the window of one version of the challenge; empty when done, else when to look again (the
   * run came before the reminder's moment on this service's clock). A run of a version the
   * challenge no longer has (moved, deleted) sends nothing.
   */
  Optional<Instant> run(ReminderRun run) {
    // the time first: a challenge read before a concurrent PUT moved its deadline must never be
    // judged by a clock read after it
    Instant now = clock.instant();
    Optional<Challenge> found =
        challenges.find(run.challengeId()).filter(c -> c.version() == run.version());
    if (found.isEmpty()) {
      log.debug("Reminder {} is outdated; nothing sent", run.id());
      return Optional.empty();
    }
    Challenge challenge = found.get();
    ReminderWindow window = run.window();
    Instant at = window.fireAt(challenge.deadline());
    if (now.isBefore(at)) {
      Duration wait = Duration.between(now, at);
      return Optional.of(now.plus(ReminderTexts.min(wait, settings.reminderRecheck())));
    }
    if (now.isAfter(at.plus(settings.reminderGrace())) || !now.isBefore(challenge.deadline())) {
      log.warn("Reminder {} is past its grace; not sent", run.id());
      return Optional.empty();
    }
    Instant started = clock.instant();
    try {
      fanOut(challenge, window, eventId(challenge.id(), window));
    } finally {
      release(challenge, started);
    }
    return Optional.empty();
  }

  /**
   * Reads the waiting participants page by page (keyset, by id) and decides up to {@code
   * reminderParallelism} pages at once, each in a transaction of its own that first checks the
   * challenge still has the version being sent; once it has not, no further page is read.
   */
  private void fanOut(Challenge challenge, ReminderWindow window, String eventId) {
    int size = settings.reminderPageSize();
    ExecutorService pool = Executors.newFixedThreadPool(settings.reminderParallelism());
    Semaphore slots = new Semaphore(settings.reminderParallelism());
    AtomicBoolean outdated = new AtomicBoolean();
    List<Future<?>> running = new ArrayList<>();
    try {
      String after = "";
      List<UserId> page;
      do {
        page = challenges.waiting(challenge.id(), after, size);
        if (page.isEmpty()) {
          break;
        }
        after = page.get(page.size() - 1).value();
        slots.acquire();
        List<UserId> users = page;
        running.add(
            pool.submit(
                () -> {
                  try {
                    inTransaction(
                        challenge, outdated, () -> pages.decide(challenge, window, eventId, users));
                  } catch (SmsOutbox.BudgetExceeded e) {
                    // the day's cap refuses the page whole: each participant is decided alone
                    inTransaction(
                        challenge,
                        outdated,
                        () -> pages.decideOneByOne(challenge, window, eventId, users));
                  } finally {
                    slots.release();
                  }
                }));
        settle(running, true);
      } while (page.size() == size && !outdated.get());
      settle(running, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reminder fan-out interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code page} in a transaction of its own while the challenge has the version sent. */
  private void inTransaction(Challenge challenge, AtomicBoolean outdated, Runnable page) {
    transactions.executeWithoutResult(
        s -> {
          if (challenges.isCurrent(challenge.id(), challenge.version())) {
            page.run();
          } else {
            outdated.set(true);
          }
        });
  }

  /**
   * The texts of the pages written wait for the run's end, so that sending them does not slow the
   * writing of the rest; they go out now. Should this fail, they go out by the end of their hold.
   */
  private void release(Challenge challenge, Instant since) {
    try {
      int released = outbox.releaseHeld(ReminderTexts.RELATED_TYPE, challenge.id(), since);
      log.debug("Reminder of {}: {} texts released", challenge.id(), released);
    } catch (RuntimeException e) {
      log.warn("Reminder texts of {} wait for the end of their hold", challenge.id(), e);
    }
  }

  /** Rethrows the failure of a finished page; waits for every page unless {@code doneOnly}. */
  private static void settle(List<Future<?>> running, boolean doneOnly)
      throws InterruptedException {
    var it = running.iterator();
    while (it.hasNext()) {
      Future<?> page = it.next();
      if (doneOnly && !page.isDone()) {
        continue;
      }
      try {
        page.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a page of the reminder fan-out failed", e.getCause());
      }
      it.remove();
    }
  }

  /** The decisions of one window share an id, the same on every run. */
  static String eventId(String challengeId, ReminderWindow window) {
    return UUID.nameUUIDFromBytes(
            ("challenge-reminder:" + window.code() + ":" + challengeId)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
