package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A bad event names the exact member that is wrong, nested ones included. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EventFieldErrorsTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;

  @Test
  void aParticipantWithoutUserIdIsNamedByItsPath() {
    var answer =
        post(
            "k-path-1",
            "{\"type\":\"battle.completed\",\"data\":{\"battle_id\":\"b1\",\"battle_topic\":\"t\","
                + "\"battle_url\":\"https://allthrive.ai/b/1\",\"participants\":["
                + "{\"username\":\"ada\"},{\"user_id\":\"43\",\"username\":\"bob\"}],"
                + "\"winner_id\":null,\"tie\":true}}");

    assertThat(answer).hasStatus(400);
    assertThat(answer)
        .bodyJson()
        .extractingPath("$.field")
        .isEqualTo("data.participants[0].user_id");
    assertThat(answer)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .startsWith("data.participants[0].user_id ");
  }

  @Test
  void aTopLevelMemberIsNamedUnderData() {
    var answer =
        post(
            "k-path-2",
            "{\"type\":\"achievement.unlocked\",\"data\":{\"user_id\":\"42\","
                + "\"achievement_id\":\"a\",\"achievement_name\":\"A\",\"points\":\"ten\"}}");

    assertThat(answer).hasStatus(400);
    assertThat(answer).bodyJson().extractingPath("$.field").isEqualTo("data.points");
  }

  private MvcTestResult post(String key, String body) {
    return mvc.post()
        .uri("/api/v1/events")
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }
}
