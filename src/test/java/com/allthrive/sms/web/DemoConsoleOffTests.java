package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Outside demo mode the console, its outbox and texts from a phone do not exist. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoConsoleOffTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;

  @Test
  void theDemoResourcesAnswer404() {
    assertThat(mvc.get().uri("/demo").exchange()).hasStatus(404);
    assertThat(mvc.get().uri("/api/v1/demo/outbox").exchange()).hasStatus(404);
    assertThat(mvc.get().uri("/api/v1/demo/outbox/stream").exchange()).hasStatus(404);
    assertThat(
            mvc.post()
                .uri("/api/v1/demo/inbound")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"+14155550123\",\"body\":\"STOP\"}")
                .exchange())
        .hasStatus(404);
  }

  @Test
  void theSettingsAndAdminPagesAreServedWithoutDemoUsers() {
    var settings = mvc.get().uri("/settings").exchange();

    assertThat(settings).hasStatusOk();
    assertThat(settings)
        .bodyText()
        .contains("Token from the platform")
        .doesNotContain("demo-alice");
    assertThat(mvc.get().uri("/admin").exchange()).bodyText().doesNotContain("use-demo-key");
  }
}
