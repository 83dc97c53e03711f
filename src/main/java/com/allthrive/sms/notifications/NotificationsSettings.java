package com.allthrive.sms.notifications;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications module.
 *
 * @param brandName the brand in message texts ({@code SMS_BRAND_NAME})
 * @param frontendUrl the platform's web URL for links ({@code FRONTEND_URL})
 * @param invitationsPerInviterPerDay battle invitations one user may text per day
 * @param invitationsPerNumberPerDay battle invitations one number may receive per day
 * @param invitationValidity how long an invitation text is worth sending
 * @param dmDebounce after a direct-message text, how long further messages of the thread send none
 *     to that recipient ({@code SMS_DM_DEBOUNCE})
 * @param reminderGrace how late a challenge reminder may still go out ({@code SMS_REMINDER_GRACE});
 *     a reminder later than that is not sent
 * @param reminderPageSize participants decided per transaction when a reminder fans out
 * @param reminderParallelism pages of a reminder decided at once ({@code SMS_REMINDER_PARALLELISM})
 * @param reminderRecheck when a reminder's task runs before its time on the service's clock (clock
 *     skew between instances), how soon it looks again
 * @param segmentBudget segments a text may take when its type has no budget of its own; user parts
 *     are then never shortened below the plan's limits
 * @param segmentBudgets budgets per message type code (e.g. {@code direct_message: 1}); a type
 *     listed here has its user parts shortened as far as needed to fit
 * @param decisionRetention how long a policy decision is kept ({@code SMS_DECISION_RETENTION})
 * @param intakeBatch events taken in at the same moment that commit in one transaction, at most
 *     ({@code SMS_NOTIFICATIONS_INTAKE_BATCH})
 * @param intakeCommitters transactions of events taken in at once, at most ({@code
 *     SMS_NOTIFICATIONS_INTAKE_COMMITTERS}); beyond the first, only while more than a batch waits
 * @param intakePace the least time between the starts of two of the first committer's transactions
 *     ({@code SMS_NOTIFICATIONS_INTAKE_PACE}; {@link com.allthrive.sms.shared.BatchPace}); 0 starts
 *     each as soon as the one before has ended
 * @param intakeMaxInFlight events taken in at once (read, checked, waiting for or in their
 *     transaction); one more is refused with 503 and {@code Retry-After} before its body is read
 *     ({@code SMS_NOTIFICATIONS_INTAKE_MAX_IN_FLIGHT})
 * @param eventRetention how long an event's idempotency key and answer are kept ({@code
 *     SMS_EVENT_RETENTION}); a key repeated later is taken as a new event
 */
@ConfigurationProperties("sms.notifications")
public record NotificationsSettings(
    @DefaultValue("AllThrive") String brandName,
    @DefaultValue("http://localhost:3000") String frontendUrl,
    @DefaultValue("20") int invitationsPerInviterPerDay,
    @DefaultValue("3") int invitationsPerNumberPerDay,
    @DefaultValue("24h") Duration invitationValidity,
    @DefaultValue("5m") Duration dmDebounce,
    @DefaultValue("15m") Duration reminderGrace,
    @DefaultValue("500") int reminderPageSize,
    @DefaultValue("4") int reminderParallelism,
    @DefaultValue("1m") Duration reminderRecheck,
    @DefaultValue("3") int segmentBudget,
    Map<String, Integer> segmentBudgets,
    @DefaultValue("90d") Duration decisionRetention,
    @DefaultValue("7d") Duration eventRetention,
    @DefaultValue("64") int intakeBatch,
    @DefaultValue("2") int intakeCommitters,
    @DefaultValue("10ms") Duration intakePace,
    @DefaultValue("256") int intakeMaxInFlight) {

  public NotificationsSettings {
    // environment variables arrive as SMS_NOTIFICATIONS_SEGMENT_BUDGETS_DIRECT_MESSAGE=1
    segmentBudgets =
        segmentBudgets == null
            ? Map.of()
            : segmentBudgets.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"),
                        Map.Entry::getValue));
  }
}
