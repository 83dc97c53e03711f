package com.allthrive.sms.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.SmsApplication;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Whole instances of the service on ports of their own, for scale-out and restart tests. */
public final class Instances {

  private Instances() {}

  /** Starts an instance with the test profile and {@code properties}. */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return start(properties, null);
  }

  /** As {@link #start(Map)}, with {@code clock} as the service's clock when not null. */
  public static ConfigurableApplicationContext start(Map<String, Object> properties, Clock clock) {
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    var builder = new SpringApplicationBuilder(SmsApplication.class).profiles("test");
    if (clock != null) {
      builder.initializers(
          context ->
              ((GenericApplicationContext) context)
                  .registerBean("testClock", Clock.class, () -> clock, b -> b.setPrimary(true)));
    }
    return builder.run(args);
  }

  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** Provisions the user over HTTP and marks the number verified, with its opt-in. */
  public static void verifiedUser(ConfigurableApplicationContext context, String id, String phone) {
    var put =
        new PlatformHttp(port(context))
            .put(
                "/api/v1/platform/users/" + id,
                "{\"username\":\""
                    + id
                    + "\",\"timezone\":\"UTC\",\"phone_number\":\""
                    + phone
                    + "\"}");
    assertThat(put.statusCode()).isEqualTo(200);
    context
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(
            s ->
                context
                    .getBean(Accounts.class)
                    .markVerified(
                        new UserId(id),
                        new PhoneNumber(phone),
                        Instant.now(),
                        new ConsentEvidence("127.0.0.1", "test", "disclosure")));
  }
}
