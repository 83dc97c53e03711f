package com.allthrive.sms.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allthrive.sms.SmsApplication;
import com.allthrive.sms.support.FakeTwilio;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Twilio chosen without its settings stops the start, naming what is missing. */
class ProviderStartupTests {

  @Test
  void refusesToStartTwilioWithoutItsAuthToken() {
    Map<String, Object> properties = twilioWithout("sms.delivery.twilio.auth-token");

    assertThatThrownBy(() -> start(properties))
        .rootCause()
        .hasMessageContaining("TWILIO_AUTH_TOKEN");
  }

  @Test
  void refusesToStartTwilioWithoutASender() {
    Map<String, Object> properties = twilioWithout("sms.delivery.twilio.phone-number");

    assertThatThrownBy(() -> start(properties))
        .rootCause()
        .hasMessageContaining("TWILIO_PHONE_NUMBER or TWILIO_MESSAGING_SERVICE_SID");
  }

  private static Map<String, Object> twilioWithout(String property) {
    Map<String, Object> properties = new HashMap<>(FakeTwilio.shared().properties());
    properties.put(property, "");
    properties.put("server.port", "0");
    properties.put(
        "spring.datasource.url",
        "jdbc:h2:mem:"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    return properties;
  }

  private static void start(Map<String, Object> properties) {
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    new SpringApplicationBuilder(SmsApplication.class).profiles("test").run(args).close();
  }
}
