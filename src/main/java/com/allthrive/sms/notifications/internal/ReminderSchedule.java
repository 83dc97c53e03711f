package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A challenge's two reminder executions in db-scheduler ({@code challenge-reminder}, instance
 * {@code <window>:<challenge id>}), written in the caller's transaction. A window whose moment
 * passed more than the grace ago is not scheduled (a challenge created 10 hours before its deadline
 * gets the 1-hour reminder only).
 */
@Component
class ReminderSchedule {

  static final TaskDescriptor<Void> TASK = TaskDescriptor.of("challenge-reminder");

  /** What was scheduled for one window. */
  record Planned(String window, Instant at, boolean scheduled) {}

  private final SchedulerClient scheduler;
  private final NotificationsSettings settings;

  ReminderSchedule(SchedulerClient scheduler, NotificationsSettings settings) {
    this.scheduler = scheduler;
    this.settings = settings;
  }

  List<Planned> schedule(Challenge challenge, Instant now) {
    List<Planned> planned = new ArrayList<>();
    for (ReminderWindow window : ReminderWindow.values()) {
      Instant at = window.fireAt(challenge.deadline());
      boolean due = now.isBefore(at.plus(settings.reminderGrace()));
      if (due) {
        scheduler.schedule(
            TASK.instance(instanceId(window, challenge.id())).scheduledTo(at),
            SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
      } else {
        cancel(window, challenge.id());
      }
      planned.add(new Planned(window.code(), at, due));
    }
    return planned;
  }

  void cancelAll(String challengeId) {
    for (ReminderWindow window : ReminderWindow.values()) {
      cancel(window, challengeId);
    }
  }

  static String instanceId(ReminderWindow window, String challengeId) {
    return window.code() + ":" + challengeId;
  }

  private void cancel(ReminderWindow window, String challengeId) {
    var id = TASK.instanceId(instanceId(window, challengeId));
    if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
      scheduler.cancel(id);
    }
  }
}
