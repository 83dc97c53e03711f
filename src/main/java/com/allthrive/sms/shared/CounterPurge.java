package com.allthrive.sms.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forgets counter windows once they are over: a recurring db-scheduler task (one instance of the
 * cluster runs it each hour) deletes windows that started more than {@code counterRetention} ago.
 */
@Configuration(proxyBeanMethods = false)
class CounterPurge {

  private static final Logger log = LoggerFactory.getLogger(CounterPurge.class);

  @Bean
  RecurringTask<Void> rateCounterPurge(
      WindowCounter counter, SharedSettings settings, Clock clock) {
    return Tasks.recurring("rate-counter-purge", FixedDelay.of(Duration.ofHours(1)))
        .execute(
            (instance, context) -> {
              int purged = counter.purgeBefore(clock.instant().minus(settings.counterRetention()));
              log.debug("Purged {} ended rate counter windows", purged);
            });
  }
}
