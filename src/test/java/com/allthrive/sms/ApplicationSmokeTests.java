package com.allthrive.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.support.TestDatabases;
import com.allthrive.sms.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApplicationSmokeTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired Environment environment;
  @Autowired NotificationsSettings notifications;

  /**
   * On Java 17 every request waiting for its event's transaction holds a Tomcat thread: with no
   * more threads than the intake's door lets in, the door never shuts and connections past the
   * maximum wait before Tomcat for seconds instead of being answered 503 at once. Some are left
   * over for the other endpoints (webhooks, pages, probes) while the door is full.
   */
  @Test
  void hasMoreRequestThreadsThanTheIntakeLetsIn() {
    assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class))
        .isGreaterThan(notifications.intakeMaxInFlight() + 64);
  }

  @Test
  void answersHealthWithoutCredentials() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
  }

  @Test
  void describesTheApiWithItsSnakeCaseNames() throws Exception {
    var result = mvc.get().uri("/v3/api-docs").exchange();

    assertThat(result).hasStatusOk();
    assertThat(result.getResponse().getContentAsString())
        .contains("\"allow_sms_dm_notifications\"")
        .doesNotContain("\"allowSmsDmNotifications\"");
  }

  @Test
  void answersFrameworkErrorsWithAStableCodeToo() {
    var result =
        mvc.post()
            .uri("/api/v1/events")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .contentType(MediaType.TEXT_PLAIN)
            .content("x")
            .exchange();

    assertThat(result).hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("unsupported_media_type");
  }

  @Test
  void rejectsAnUnknownApiKeyWithAProblemBody() {
    var result = mvc.get().uri("/api/v1/admin/sms-messages").header("X-Api-Key", "nope").exchange();

    assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_api_key");
  }

  @Test
  void refusesThePlatformKeyOnAdminPaths() {
    var result =
        mvc.get()
            .uri("/api/v1/admin/sms-messages")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(result).hasStatus(403);
  }
}
