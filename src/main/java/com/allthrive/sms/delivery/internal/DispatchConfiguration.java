package com.allthrive.sms.delivery.internal;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code sms-dispatch} task: one execution per message (instance id = message id), run by
 * db-scheduler on its own thread pool ({@code db-scheduler.threads}). Each run asks the {@link
 * Dispatcher} what to do and either removes the execution or moves it to the next time the message
 * needs attention (a retry, a lookup). An unexpected exception (the database away) reruns the task
 * after the retry backoff; the rerun is safe because the row holds the state.
 */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DispatchConfiguration.class);

  /**
   * On Java 21+ with {@code spring.threads.virtual.enabled}, executions run on virtual threads, at
   * most {@code db-scheduler.threads} at once; otherwise on db-scheduler's platform thread pool.
   */
  @Bean
  @ConditionalOnProperty(name = "spring.threads.virtual.enabled", havingValue = "true")
  DbSchedulerCustomizer virtualDispatchThreads(DbSchedulerProperties properties) {
    Optional<ExecutorService> executor = VirtualDispatchThreads.create(properties.getThreads());
    executor.ifPresent(
        e ->
            log.info("SMS dispatch runs on virtual threads ({} at most)", properties.getThreads()));
    return new DbSchedulerCustomizer() {
      @Override
      public Optional<ExecutorService> executorService() {
        return executor;
      }
    };
  }

  @Bean
  Task<Void> smsDispatchTask(Dispatcher dispatcher, RetryPolicy retries, Clock clock) {
    return Tasks.custom(DispatchTasks.DISPATCH)
        .onFailure(afterError(retries))
        .onDeadExecutionRevive()
        .execute(
            (instance, context) ->
                completion(
                    dispatcher.dispatch(
                        Long.parseLong(instance.getId()), context.getExecution().version),
                    clock));
  }

  /**
   * Removes the execution, or moves it as far ahead as the dispatcher asked, or does nothing when
   * the transaction that recorded the send already removed it (one statement and commit fewer per
   * message). The wait is measured on the service's clock and applied on the scheduler's, which
   * differ when tests set the clock.
   */
  private static CompletionHandler<Void> completion(Next next, Clock clock) {
    if (next.taskEnded()) {
      return (complete, operations) -> {};
    }
    if (next.done()) {
      return new CompletionHandler.OnCompleteRemove<>();
    }
    Duration wait = Duration.between(clock.instant(), next.at());
    Duration delay = wait.isNegative() ? Duration.ZERO : wait;
    return (complete, operations) ->
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
  }

  private static FailureHandler<Void> afterError(RetryPolicy retries) {
    return (complete, operations) -> {
      int failures = complete.getExecution().consecutiveFailures + 1;
      log.error(
          "SMS dispatch of message {} failed unexpectedly ({} in a row); rerunning later",
          complete.getExecution().getId(),
          failures,
          complete.getCause().orElse(null));
      operations.reschedule(complete, complete.getTimeDone().plus(retries.backoff(failures)));
    };
  }
}
