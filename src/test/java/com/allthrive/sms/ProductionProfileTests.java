package com.allthrive.sms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The {@code prod} profile refuses to start without its settings, and names what is missing; it
 * starts without Redis while nothing uses it.
 */
class ProductionProfileTests {

  static final List<String> COMPLETE =
      List.of(
          "--spring.datasource.url=jdbc:h2:mem:"
              + UUID.randomUUID()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
          "--server.port=0",
          "--db-scheduler.polling-strategy=fetch",
          "--sms.delivery.provider=console",
          "--sms.delivery.public-base-url=https://sms.example.com",
          "--sms.notifications.frontend-url=https://allthrive.example.com",
          "--sms.delivery.secret-key=prod-secret-key-of-at-least-thirty-two-chars",
          "--sms.verification.secret-key=prod-secret-key-of-at-least-thirty-two-chars",
          "--sms.accounts.jwt-secret=prod-jwt-secret-that-is-at-least-32-bytes-long",
          "--sms.accounts.platform-api-keys=platform-key",
          "--sms.accounts.admin-api-keys=admin-key");

  @Test
  void startsWhenEverySettingIsGiven() {
    start(COMPLETE);
  }

  @Test
  void namesTheMissingFrontendUrlSoTextsNeverLinkToLocalhost() {
    assertThatThrownBy(() -> start(without("sms.notifications.frontend-url")))
        .hasStackTraceContaining("FRONTEND_URL");
  }

  @Test
  void needsRedisOnlyWhenSomethingKeepsItsStateThere() {
    List<String> args = new ArrayList<>(COMPLETE);
    args.add("--sms.redis.required=true");

    assertThatThrownBy(() -> start(args)).hasStackTraceContaining("REDIS_URL");
  }

  @Test
  void namesTheMissingDatabaseUrl() {
    assertThatThrownBy(() -> start(without("spring.datasource.url")))
        .hasStackTraceContaining("SPRING_DATASOURCE_URL");
  }

  @Test
  void namesTheMissingProviderChoice() {
    assertThatThrownBy(() -> start(without("sms.delivery.provider")))
        .hasStackTraceContaining("SMS_PROVIDER");
  }

  @Test
  void namesTheMissingPlatformKey() {
    assertThatThrownBy(() -> start(without("sms.accounts.platform-api-keys")))
        .hasStackTraceContaining("PLATFORM_API_KEY");
  }

  @Test
  void namesTheMissingJwtSecret() {
    assertThatThrownBy(() -> start(without("sms.accounts.jwt-secret")))
        .hasStackTraceContaining("JWT_SECRET or JWT_JWKS_URI");
  }

  @Test
  void namesTheMissingServerSecret() {
    assertThatThrownBy(() -> start(without("sms.delivery.secret-key")))
        .hasStackTraceContaining("SMS_SECRET_KEY");
  }

  static List<String> without(String property) {
    List<String> args = new ArrayList<>(COMPLETE);
    args.removeIf(arg -> arg.startsWith("--" + property + "="));
    return args;
  }

  static void start(List<String> args) {
    new SpringApplicationBuilder(SmsApplication.class)
        .profiles("prod")
        .run(args.toArray(String[]::new))
        .close();
  }
}
