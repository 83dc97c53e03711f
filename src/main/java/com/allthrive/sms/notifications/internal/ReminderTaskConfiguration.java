package com.allthrive.sms.notifications.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code challenge-reminder} task. A run that fails (the database away) is rerun a minute
 * later, and one whose instance died is revived: both carry on where the last run stopped.
 */
@Configuration(proxyBeanMethods = false)
class ReminderTaskConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReminderTaskConfiguration.class);

  /** The fan-out is looked up at run time: it needs the scheduler that needs this task. */
  @Bean
  Task<Void> challengeReminderTask(ObjectProvider<ReminderFanout> fanout, Clock clock) {
    return Tasks.custom(ReminderSchedule.TASK)
        .onFailure(afterError())
        .onDeadExecutionRevive()
        .execute(
            (instance, context) ->
                completion(fanout.getObject().run(ReminderRun.parse(instance.getId())), clock));
  }

  /** Removes the execution, or moves it to the next look; waits measured on the service clock. */
  private static CompletionHandler<Void> completion(Optional<Instant> next, Clock clock) {
    if (next.isEmpty()) {
      return new CompletionHandler.OnCompleteRemove<>();
    }
    Duration wait = Duration.between(clock.instant(), next.get());
    Duration delay = wait.isNegative() ? Duration.ZERO : wait;
    return (complete, operations) ->
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
  }

  private static FailureHandler<Void> afterError() {
    return (complete, operations) -> {
      log.error(
          "Challenge reminder {} failed; rerunning in a minute",
          complete.getExecution().getId(),
          complete.getCause().orElse(null));
      operations.reschedule(complete, complete.getTimeDone().plus(Duration.ofMinutes(1)));
    };
  }
}
