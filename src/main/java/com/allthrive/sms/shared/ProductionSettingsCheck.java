package com.allthrive.sms.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Fails the start of the {@code prod} profile before anything connects, naming every missing
 * variable at once. Registered in {@code META-INF/spring.factories}.
 */
public class ProductionSettingsCheck
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("spring.datasource.url", "SPRING_DATASOURCE_URL");
    REQUIRED.put("sms.delivery.provider", "SMS_PROVIDER");
    REQUIRED.put("sms.delivery.public-base-url", "PUBLIC_BASE_URL");
    REQUIRED.put("sms.notifications.frontend-url", "FRONTEND_URL");
  }

  /**
   * Redis is required only by a feature that keeps its state there: such a feature sets {@value} to
   * true (presence with a Redis registry, say). Nothing else needs {@code REDIS_URL}.
   */
  static final String REDIS_IN_USE = "sms.redis.required";

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    if (!env.matchesProfiles("prod")) {
      return;
    }
    List<String> missing =
        new ArrayList<>(
            REQUIRED.entrySet().stream()
                .filter(e -> blank(env.getProperty(e.getKey())))
                .map(Map.Entry::getValue)
                .toList());
    if (env.getProperty(REDIS_IN_USE, Boolean.class, false)
        && blank(env.getProperty("REDIS_URL"))) {
      missing.add("REDIS_URL");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Missing settings for the prod profile: " + String.join(", ", missing));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
