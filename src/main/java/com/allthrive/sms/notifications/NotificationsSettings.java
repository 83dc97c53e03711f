package com.allthrive.sms.notifications;

import java.time.Duration;
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
 * @param decisionRetention how long a policy decision is kept ({@code SMS_DECISION_RETENTION})
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
    @DefaultValue("90d") Duration decisionRetention,
    @DefaultValue("7d") Duration eventRetention) {}
