package com.allthrive.sms.shared;

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
    REQUIRED.put("spring.data.redis.url", "REDIS_URL");
    REQUIRED.put("sms.delivery.provider", "SMS_PROVIDER");
    REQUIRED.put("sms.delivery.public-base-url", "PUBLIC_BASE_URL");
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    if (!env.matchesProfiles("prod")) {
      return;
    }
    List<String> missing =
        REQUIRED.entrySet().stream()
            .filter(e -> blank(env.getProperty(e.getKey())))
            .map(Map.Entry::getValue)
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Missing settings for the prod profile: " + String.join(", ", missing));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
