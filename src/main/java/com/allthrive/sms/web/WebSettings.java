package com.allthrive.sms.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pages.
 *
 * @param brandName the brand the pages show ({@code SMS_BRAND_NAME})
 * @param outboxStreamTimeout how long one server-sent-events connection of the demo outbox lasts
 *     before the browser reconnects
 */
@ConfigurationProperties("sms.web")
public record WebSettings(
    @DefaultValue("AllThrive") String brandName,
    @DefaultValue("30m") java.time.Duration outboxStreamTimeout) {}
