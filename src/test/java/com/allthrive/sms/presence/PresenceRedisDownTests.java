package com.allthrive.sms.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * With Redis configured but unreachable, a direct message still gets its decision (the recipient
 * counts as offline); health and a metric show the failure.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "REDIS_URL=redis://localhost:1")
class PresenceRedisDownTests {

  @DynamicPropertySource
  static void unreachableRedis(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired Accounts accounts;
  @Autowired MeterRegistry meters;

  @Test
  void textsTheRecipientAsOfflineAndReportsTheFailure() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatus(503);
    assertThat(mvc.get().uri("/actuator/health").header("X-Api-Key", "test-admin-key"))
        .bodyJson()
        .extractingPath("$.components.presence.status")
        .isEqualTo("DOWN");

    var platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("bob", "+12015550199");

    var answer =
        platform.event(
            "direct_message.created",
            "{\"thread_id\":\"t1\",\"message_id\":\"m1\",\"sender_id\":\"ada\","
                + "\"sender_name\":\"Ada\",\"recipient_ids\":[\"bob\"],"
                + "\"message_preview\":\"hi\",\"thread_url\":\"https://allthrive.ai/m/t1\"}");

    assertThat(answer).hasStatus(202);
    assertThat(answer).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(meters.get("sms.presence.registry.failures").counter().count()).isPositive();
  }
}
