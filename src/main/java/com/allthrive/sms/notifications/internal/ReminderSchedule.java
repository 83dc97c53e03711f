package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A challenge's two reminder executions in db-scheduler ({@code challenge-reminder}, one per window
 * and version: {@link ReminderRun}), written in the caller's transaction. A window whose moment
 * passed more than the grace ago is not scheduled (a challenge created 10 hours before its deadline
 * gets the 1-hour reminder only).
 *
 * <p>Each version gets executions of its own, created only if absent: a PUT never has to move an
 * execution that a scheduler may hold at that moment (db-scheduler refuses to touch a picked one).
 * The executions of the version replaced are removed when they are idle; a picked one is left to
 * finish, and its run sends nothing because its version is no longer the challenge's.
 */
@Component
class ReminderSchedule {

  static final TaskDescriptor<Void> TASK = TaskDescriptor.of("challenge-reminder");

  private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

  /** What was scheduled for one window. */
  record Planned(String window, Instant at, boolean scheduled) {}

  private final SchedulerClient scheduler;
  private final NotificationsSettings settings;

  ReminderSchedule(SchedulerClient scheduler, NotificationsSettings settings) {
    this.scheduler = scheduler;
    this.settings = settings;
  }

  /** Schedules the windows of {@code challenge}'s version still due at {@code now}. */
  List<Planned> schedule(Challenge challenge, Instant now) {
    List<Planned> planned = new ArrayList<>();
    for (ReminderWindow window : ReminderWindow.values()) {
      Instant at = window.fireAt(challenge.deadline());
      boolean due = now.isBefore(at.plus(settings.reminderGrace()));
      if (due) {
        var run = new ReminderRun(window, challenge.version(), challenge.id());
        scheduler.scheduleIfNotExists(TASK.instance(run.id()).scheduledTo(at));
      }
      planned.add(new Planned(window.code(), at, due));
    }
    return planned;
  }

  /** Removes the idle executions of {@code version} of the challenge; best effort. */
  void cancel(String challengeId, long version) {
    for (ReminderWindow window : ReminderWindow.values()) {
      String id = new ReminderRun(window, version, challengeId).id();
      try {
        scheduler.cancel(TASK.instanceId(id));
      } catch (TaskInstanceException e) {
        // picked meanwhile, or already gone: its run finds its version outdated and sends nothing
        log.debug("Reminder execution {} left to finish: {}", id, e.getMessage());
      }
    }
  }
}
