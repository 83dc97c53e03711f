package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Achievements, battle results and security alerts for platform users, on either database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(UserTouchpointsTests.FixedClock.class)
abstract class UserTouchpointsTests {

  /** Mid-hour, so the hourly limit's window cannot roll over during a test. */
  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return new MutableClock(Instant.parse("2026-03-10T15:20:00Z"));
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired InboundSmsHandler inbound;

  @BeforeEach
  void emptyDatabase() {
    Tables.clear(jdbc);
  }

  @Test
  void textsAnAchievementToAVerifiedUser() {
    verifiedUser("ada", "+12015550101");

    var result =
        event(
            "achievement.unlocked",
            "{\"user_id\":\"ada\",\"achievement_id\":\"a1\",\"achievement_name\":\"First Blood\",\"points\":50}");

    assertThat(result).hasStatus(202);
    assertThat(result).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(bodies())
        .containsExactly(
            "Achievement Unlocked: First Blood! +50 points\n\nView all achievements: http://localhost:3000/achievements");
  }

  @Test
  void skipsUsersWithoutAVerifiedNumberAndUsersItDoesNotKnow() {
    provision("bob", "+12015550102");

    var unverified = achievement("bob", "a1");
    var unknown = event("security.password_changed", "{\"user_id\":\"nobody\"}");

    assertThat(unverified)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("not_verified");
    assertThat(unknown)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("unknown_recipient");
    assertThat(unknown).bodyJson().extractingPath("$.decisions[0].user_id").isEqualTo("nobody");
    assertThat(bodies()).isEmpty();
  }

  @Test
  void tellsEachParticipantTheirOwnBattleResult() {
    verifiedUser("ada", "+12015550101");
    verifiedUser("bob", "+12015550102");

    event("battle.completed", battle("b1", "\"ada\"", false));

    assertThat(bodies())
        .containsExactlyInAnyOrder(
            "You WON your battle against bob!\n\nTopic: Haiku about rain\nView results: https://allthrive.ai/battles/b1",
            "You lost your battle against ada.\n\nTopic: Haiku about rain\nView results: https://allthrive.ai/battles/b1");
  }

  @Test
  void reportsATieToBoth() {
    verifiedUser("ada", "+12015550101");
    verifiedUser("bob", "+12015550102");

    event("battle.completed", battle("b2", "null", true));

    assertThat(bodies()).allMatch(b -> b.contains("was a tie!")).hasSize(2);
  }

  @Test
  void refusesABattleWhoseWinnerDidNotTakePart() {
    var result = event("battle.completed", battle("b3", "\"carol\"", false));

    assertThat(result).hasStatus(400);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_event");
  }

  @Test
  void limitsAUserToTenTextsAnHourButStillSendsSecurityAlerts() {
    verifiedUser("ada", "+12015550101");
    for (int i = 0; i < 10; i++) {
      achievement("ada", "a" + i);
    }

    var eleventh = achievement("ada", "a10");
    var alert =
        event("security.new_login", "{\"user_id\":\"ada\",\"details\":\"Chrome on\\nMac\"}");

    assertThat(eleventh)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("rate_limited");
    assertThat(alert).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(bodies())
        .contains(
            "Security Alert: New login to your AllThrive account from Chrome on Mac.\n\n"
                + "If this wasn't you, secure your account immediately.");
  }

  @Test
  void respectsASwitchedOffCategoryButNotForSecurityAlerts() {
    verifiedUser("ada", "+12015550101");
    patchPreferences("ada", "{\"allow_sms_achievement_unlocks\":false}");

    var achievement = achievement("ada", "a1");
    var alert = event("security.email_changed", "{\"user_id\":\"ada\"}");

    assertThat(achievement)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("category_off");
    assertThat(alert).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
  }

  @Test
  void sendsNothingAfterStopNotEvenSecurityAlerts() {
    verifiedUser("ada", "+12015550101");
    inbound.handle(new InboundSms(new PhoneNumber("+12015550101"), "Stop. Thank you", null, "SM1"));

    var alert = event("security.password_changed", "{\"user_id\":\"ada\"}");

    assertThat(alert).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("opted_out");
    assertThat(bodies()).isEmpty();
  }

  @Test
  void defersDuringQuietHoursUntilTheyEndExceptSecurityAlerts() {
    verifiedUser("ada", "+12015550101");
    patchPreferences(
        "ada",
        "{\"timezone\":\"America/New_York\",\"quiet_hours\":{\"start\":\"09:00\",\"end\":\"11:30\"}}");

    var achievement = achievement("ada", "a1");
    var alert = event("security.email_changed", "{\"user_id\":\"ada\"}");

    assertThat(achievement)
        .bodyJson()
        .extractingPath("$.decisions[0].outcome")
        .isEqualTo("deferred");
    assertThat(alert).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    var sendAt =
        jdbc.sql(
                "select next_attempt_at from sms_message where message_type = 'achievement_unlock'")
            .query(java.time.OffsetDateTime.class)
            .single();
    assertThat(sendAt.toInstant()).isEqualTo(Instant.parse("2026-03-10T15:30:00Z"));
  }

  @Test
  void needsARecordedOptInEvenForAVerifiedNumber() {
    verifiedUser("ada", "+12015550101");
    jdbc.sql("delete from consent_ledger").update();

    var alert = event("security.password_changed", "{\"user_id\":\"ada\"}");

    assertThat(alert).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("no_consent");
  }

  void patchPreferences(String user, String body) {
    String token = JwtFixtures.token(user);
    var r =
        mvc.patch()
            .uri("/api/v1/me/sms-preferences")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    assertThat(r).hasStatusOk();
  }

  void verifiedUser(String id, String phone) {
    new PlatformCalls(mvc, accounts).verifiedUser(id, phone);
  }

  void provision(String id, String phone) {
    new PlatformCalls(mvc, accounts).provision(id, phone);
  }

  /** An achievement worth one point, unlocked by {@code user}. */
  MvcTestResult achievement(String user, String achievementId) {
    return event(
        "achievement.unlocked",
        "{\"user_id\":\""
            + user
            + "\",\"achievement_id\":\""
            + achievementId
            + "\",\"achievement_name\":\"X\",\"points\":1}");
  }

  MvcTestResult event(String type, String data) {
    return new PlatformCalls(mvc, accounts).event(type, data);
  }

  List<String> bodies() {
    return jdbc.sql("select body from sms_message order by id").query(String.class).list();
  }

  static String battle(String id, String winner, boolean tie) {
    return "{\"battle_id\":\""
        + id
        + "\",\"battle_topic\":\"Haiku about rain\","
        + "\"battle_url\":\"https://allthrive.ai/battles/"
        + id
        + "\","
        + "\"participants\":[{\"user_id\":\"ada\",\"username\":\"ada\"},{\"user_id\":\"bob\",\"username\":\"bob\"}],"
        + "\"winner_id\":"
        + winner
        + ",\"tie\":"
        + tie
        + "}";
  }
}
