package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The per-user limit over sliding windows, and what the settings page is told is left. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SlidingQuotaTests.SettableClock.class)
abstract class SlidingQuotaTests {

  static final Instant BEFORE_THE_HOUR = Instant.parse("2026-03-10T10:59:00Z");

  @TestConfiguration
  static class SettableClock {
    @Bean
    @Primary
    MutableClock settableClock() {
      return new MutableClock(BEFORE_THE_HOUR);
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired MutableClock clock;

  @BeforeEach
  void emptyDatabase() {
    Tables.clear(jdbc);
    clock.set(BEFORE_THE_HOUR);
  }

  @Test
  void aBurstJustBeforeTheHourLeavesNoRoomForAnotherJustAfterIt() {
    platform().verifiedUser("ada", "+12015550101");
    for (int i = 0; i < 10; i++) {
      assertThat(reason(achievement("ada", "a" + i))).isEqualTo("eligible");
    }

    clock.set(Instant.parse("2026-03-10T11:01:00Z"));
    var afterTheHour = achievement("ada", "b1");
    clock.set(Instant.parse("2026-03-10T11:05:00Z"));
    var sixMinutesOn = achievement("ada", "b2");
    var again = achievement("ada", "b3");

    assertThat(reason(afterTheHour)).isEqualTo("rate_limited");
    assertThat(reason(sixMinutesOn)).isEqualTo("eligible");
    assertThat(reason(again)).isEqualTo("rate_limited");
    var preferences = preferences("ada");
    assertThat(preferences).bodyJson().extractingPath("$.remaining_this_hour").isEqualTo(0);
    assertThat(preferences).bodyJson().extractingPath("$.remaining_today").isEqualTo(19);
  }

  @Test
  void thePreferencesAnswerTellsWhatIsLeftAndSecurityAlertsTakeNothing() {
    platform().verifiedUser("bob", "+12015550102");
    var fresh = preferences("bob");
    for (int i = 0; i < 3; i++) {
      achievement("bob", "a" + i);
    }
    platform().event("security.password_changed", "{\"user_id\":\"bob\"}");

    var after = preferences("bob");

    assertThat(fresh).bodyJson().extractingPath("$.remaining_this_hour").isEqualTo(10);
    assertThat(fresh).bodyJson().extractingPath("$.remaining_today").isEqualTo(30);
    assertThat(after).bodyJson().extractingPath("$.remaining_this_hour").isEqualTo(7);
    assertThat(after).bodyJson().extractingPath("$.remaining_today").isEqualTo(27);
  }

  @Test
  void deferredMessagesCountWhenTheyGoOutSoTheEndOfQuietHoursReleasesNoMoreThanTheLimit() {
    clock.set(Instant.parse("2026-03-10T10:59:55Z"));
    platform().verifiedUser("cy", "+12015550103");
    patch("cy", "{\"timezone\":\"UTC\",\"quiet_hours\":{\"start\":\"22:00\",\"end\":\"11:00\"}}");
    for (int i = 0; i < 12; i++) {
      assertThat(outcome(achievement("cy", "q" + i))).isEqualTo("deferred");
    }
    var whileDeferred = preferences("cy");

    clock.set(Instant.parse("2026-03-10T11:00:00Z"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("status in ('pending', 'sending')") == 0);

    assertThat(whileDeferred).bodyJson().extractingPath("$.remaining_this_hour").isEqualTo(10);
    assertThat(count("status = 'sent'")).isEqualTo(10);
    assertThat(count("status = 'canceled' and error_code = 'rate_limited'")).isEqualTo(2);
    assertThat(preferences("cy")).bodyJson().extractingPath("$.remaining_this_hour").isEqualTo(0);
  }

  long count(String where) {
    return jdbc.sql("select count(*) from sms_message where " + where).query(Long.class).single();
  }

  void patch(String user, String body) {
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token(user))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(body)
                .exchange())
        .hasStatusOk();
  }

  MvcTestResult preferences(String user) {
    return mvc.get()
        .uri("/api/v1/me/sms-preferences")
        .header("Authorization", "Bearer " + JwtFixtures.token(user))
        .exchange();
  }

  MvcTestResult achievement(String user, String id) {
    return platform()
        .event(
            "achievement.unlocked",
            "{\"user_id\":\""
                + user
                + "\",\"achievement_id\":\""
                + id
                + "\",\"achievement_name\":\"X\",\"points\":1}");
  }

  static String reason(MvcTestResult result) {
    return decision(result, "reason");
  }

  static String outcome(MvcTestResult result) {
    return decision(result, "outcome");
  }

  static String decision(MvcTestResult result, String member) {
    try {
      return tools.jackson.databind.json.JsonMapper.builder()
          .build()
          .readTree(result.getResponse().getContentAsString())
          .at("/decisions/0/" + member)
          .asString();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  PlatformCalls platform() {
    return new PlatformCalls(mvc, accounts);
  }
}
