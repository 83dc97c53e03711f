package com.allthrive.sms.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.TestDatabases;
import com.allthrive.sms.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/** Demo mode seeds users with verified numbers and mints tokens for provisioned users. */
@SpringBootTest(properties = "sms.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoModeTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired Accounts accounts;
  @Autowired JsonMapper json;

  @Test
  void seedsDemoUsersWithVerifiedNumbers() {
    var alice = accounts.find(new UserId("demo-alice")).orElseThrow();
    var bob = accounts.find(new UserId("demo-bob")).orElseThrow();

    assertThat(alice.hasVerifiedPhone()).isTrue();
    assertThat(alice.phoneNumber().e164()).isEqualTo("+12025550143");
    assertThat(bob.hasVerifiedPhone()).isTrue();
    assertThat(accounts.find(new UserId("demo-chloe")).orElseThrow().timezone().getId())
        .isEqualTo("America/Toronto");
  }

  @Test
  void mintsATokenThatActsAsTheDemoUser() throws Exception {
    var minted =
        mvc.post()
            .uri("/api/v1/demo/tokens")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"user_id\":\"demo-alice\"}")
            .exchange();

    assertThat(minted).hasStatusOk();
    var body = json.readTree(minted.getResponse().getContentAsString());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    var asAlice =
        mvc.post()
            .uri("/api/v1/users/phone/request-verification")
            .header("Authorization", "Bearer " + body.get("access_token").asString())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"phone_number\":\"+12025550143\"}")
            .exchange();
    assertThat(asAlice).hasStatus(409);
    assertThat(asAlice).bodyJson().extractingPath("$.code").isEqualTo("already_verified");
  }

  @Test
  void mintsNoTokenForAnUnknownUser() {
    var unknown =
        mvc.post()
            .uri("/api/v1/demo/tokens")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"user_id\":\"nobody\"}")
            .exchange();
    var invalid =
        mvc.post()
            .uri("/api/v1/demo/tokens")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")
            .exchange();

    assertThat(unknown).hasStatus(404);
    assertThat(unknown).bodyJson().extractingPath("$.code").isEqualTo("unknown_user");
    assertThat(invalid).hasStatus(400);
  }

  @Test
  void seedingLeavesExistingUsersAlone() {
    var put =
        mvc.put()
            .uri("/api/v1/platform/users/demo-chloe")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\":\"chloe\",\"timezone\":\"UTC\"}")
            .exchange();
    assertThat(put).hasStatusOk();

    assertThat(accounts.find(new UserId("demo-chloe")).orElseThrow().hasVerifiedPhone()).isTrue();
  }
}
