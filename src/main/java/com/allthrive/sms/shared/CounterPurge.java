package com.allthrive.sms.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forgets counter windows once they are over: a recurring db-scheduler task (one instance of the
 * cluster runs it every ten minutes) deletes windows that have ended (and rows from before windows
 * recorded their end once they started more than {@code counterRetention} ago), and sliding limits
 * whose key has been idle long enough to be whole again. Declares the tables the shared building
 * blocks own.
 */
@Configuration(proxyBeanMethods = false)
class CounterPurge {

  @Bean
  RecurringTask<Void> rateCounterPurge(
      WindowCounter counter, SlidingLimiter limiter, SharedSettings settings, Clock clock) {
    return PurgeTasks.recurring(
        "rate-counter-purge",
        Duration.ofMinutes(10),
        settings.counterRetention(),
        clock,
        cutoff -> counter.purgeEnded(clock.instant(), cutoff) + limiter.purgeIdle());
  }

  /** Counters are keyed by an HMAC; scheduler and migration bookkeeping name nobody. */
  @Bean
  PersonalData sharedPersonalData() {
    return new PersonalData(
        Map.of(
            "rate_counter", PersonalData.Erasure.NONE_HELD,
            "rate_gcra", PersonalData.Erasure.NONE_HELD,
            "scheduled_tasks", PersonalData.Erasure.NONE_HELD,
            "flyway_schema_history", PersonalData.Erasure.NONE_HELD));
  }
}
