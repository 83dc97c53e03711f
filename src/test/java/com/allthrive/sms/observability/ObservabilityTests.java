package com.allthrive.sms.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.TestKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Operators see the service: liveness and readiness with the database and the provider's circuit,
 * and Prometheus meters for sends, provider latency, decisions, verification, cost and the outbox,
 * none of them tagged with a user or a number.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ObservabilityTests.Clocks.class)
abstract class ObservabilityTests {

  static final FakeTwilio twilio = FakeTwilio.shared();

  /** Ahead of the real clock, so the scheduler leaves the deferred message alone. */
  static final Instant START = Instant.parse("2030-03-10T23:00:00Z");

  static final String ADA = "obs-ada-31";
  static final String ADA_PHONE = "+12025557501";
  static final String BOB = "obs-bob-31";
  static final String BOB_PHONE = "+12125557502";
  static final String CAROL_PHONE = "+14155557503";

  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock(START);
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired Accounts accounts;
  @Autowired MutableClock clock;

  @Test
  void livenessAndReadinessShowTheDatabaseAndTheProviderCircuit() {
    assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();

    assertThat(mvc.get().uri("/actuator/health/readiness").header("X-Api-Key", TestKeys.ADMIN_KEY))
        .hasStatusOk()
        .bodyText()
        .contains("\"db\"")
        .contains("\"smsProvider\"")
        .contains("\"circuit\":\"closed\"");
  }

  @Test
  void metersCountWhatHappenedWithoutNamingAnyone() throws Exception {
    PlatformCalls platform = new PlatformCalls(mvc, accounts);
    twilio.reset();
    platform.verifiedUser(ADA, ADA_PHONE);
    platform.verifiedUser(BOB, BOB_PHONE);
    quietHoursFor(BOB);
    achievement(platform, ADA);
    achievement(platform, BOB);
    requestCode(ADA, CAROL_PHONE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                prometheus()
                        .contains("sms_messages_total{status=\"sent\",type=\"achievement_unlock\"}")
                    && prometheus()
                        .contains(
                            "sms_messages_total{status=\"sent\",type=\"phone_verification\"}"));

    clock.advance(Duration.ofHours(8).plusMinutes(5));
    String metrics = prometheus();

    assertThat(metrics)
        .contains("sms_messages_total{status=\"sent\",type=\"achievement_unlock\"} 1.0")
        .contains(
            "sms_decisions_total{outcome=\"queued\",reason=\"eligible\",type=\"achievement_unlock\"}")
        .contains("sms_decisions_total{outcome=\"deferred\"")
        .contains("sms_provider_latency_seconds_count{outcome=\"accepted\"")
        .contains("sms_verification_total{outcome=\"code_sent\",step=\"request\"} 1.0")
        .contains("sms_cost_usd_total{kind=\"estimated\",type=\"achievement_unlock\"} 0.0083")
        .contains("sms_outbox_depth 1.0")
        .contains("sms_outbox_oldest_due_age_seconds 300.0");
    for (String personal : new String[] {ADA, BOB, "2025557501", "2125557502", "4155557503"}) {
      assertThat(metrics).doesNotContain(personal);
    }
  }

  private void quietHoursFor(String user) {
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quiet_hours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}"))
        .hasStatusOk();
  }

  private void requestCode(String user, String phone) {
    assertThat(
            mvc.post()
                .uri("/api/v1/users/phone/request-verification")
                .header("Authorization", "Bearer " + JwtFixtures.token(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + phone + "\"}"))
        .hasStatus(202);
  }

  private static void achievement(PlatformCalls platform, String user) {
    assertThat(
            platform.event(
                "achievement.unlocked",
                "{\"user_id\":\""
                    + user
                    + "\",\"achievement_id\":\"obs\","
                    + "\"achievement_name\":\"Watcher\",\"points\":3}"))
        .hasStatus(202);
  }

  private String prometheus() throws Exception {
    var result =
        mvc.get().uri("/actuator/prometheus").header("X-Api-Key", TestKeys.ADMIN_KEY).exchange();
    assertThat(result).hasStatusOk();
    return result.getResponse().getContentAsString();
  }
}
