package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.CostsSettings;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's db-scheduler tasks, each run by one instance at a time: the daily report (the two
 * last finished days recomputed, so late prices land), the alert check, and one webhook POST per
 * alert, retried with a doubling delay and given up after the configured attempts.
 */
@Configuration(proxyBeanMethods = false)
class CostTasks {

  static final TaskDescriptor<Void> ALERT_WEBHOOK = TaskDescriptor.of("cost-alert-webhook");

  private static final Logger log = LoggerFactory.getLogger(CostTasks.class);

  @Bean
  RecurringTask<Void> costDailyReportTask(DailyReport report, CostsSettings settings) {
    return Tasks.recurring("cost-daily-report", Schedules.fixedDelay(settings.reportInterval()))
        .execute(
            (instance, context) -> {
              report.store(report.today().minusDays(1));
              report.store(report.today().minusDays(2));
            });
  }

  @Bean
  RecurringTask<Void> costAlertCheckTask(AlertChecks checks, CostsSettings settings) {
    return Tasks.recurring(
            "cost-alert-check", Schedules.fixedDelay(settings.alerts().checkInterval()))
        .execute((instance, context) -> checks.run());
  }

  @Bean
  Task<Void> costAlertWebhookTask(AlertLog alerts, AlertWebhook webhook, CostsSettings settings) {
    var s = settings.alerts();
    return Tasks.oneTime(ALERT_WEBHOOK)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(s.webhookRetryDelay()))
        .execute(
            (instance, context) -> {
              long id = Long.parseLong(instance.getId());
              var alert = alerts.find(id);
              if (alert.isEmpty()) {
                return;
              }
              try {
                webhook.post(alert.get());
                alerts.markNotified(id, "sent");
              } catch (Exception e) {
                int attempt = context.getExecution().consecutiveFailures + 1;
                if (attempt >= s.webhookAttempts()) {
                  log.warn("Alert {} could not be POSTed after {} attempts", id, attempt);
                  alerts.markNotified(id, "failed");
                  return;
                }
                if (e instanceof InterruptedException) {
                  Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("alert webhook POST failed: " + e.getMessage());
              }
            });
  }
}
