package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Challenge reminders driven by a settable clock. The clock stands in the past of the real one, so
 * db-scheduler finds every reminder execution due at once; each run compares the reminder's moment
 * with the service's clock and looks again 200 ms later until the test moves the clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ChallengeRemindersTests.Clocks.class)
abstract class ChallengeRemindersTests {

  static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(20);

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    Clock mutableClock() {
      return new MutableClock(T0);
    }
  }

  @DynamicPropertySource
  static void reminders(DynamicPropertyRegistry registry) {
    registry.add("sms.notifications.reminder-recheck", () -> "200ms");
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Clock clock;

  @BeforeEach
  void reset() {
    Tables.clear(jdbc);
    clock().set(T0);
  }

  @Test
  void remindsEachParticipant24HoursAndThenOneHourBeforeTheDeadline() {
    verifiedUser("ada", "+12015550301");
    verifiedUser("bob", "+12015550302");

    var answer = put("c1", T0.plus(Duration.ofHours(30)), "ada", "bob");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> bodies().size() == 2);
    clock().set(T0.plus(Duration.ofHours(29)));
    await().atMost(WAIT).until(() -> bodies().size() == 4);

    assertThat(answer)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.reminders[0].scheduled")
        .isEqualTo(true);
    assertThat(bodiesFor("ada")).containsExactly(text("24 hours", "c1"), text("1 hour", "c1"));
    assertThat(bodiesFor("bob")).containsExactly(text("24 hours", "c1"), text("1 hour", "c1"));
  }

  @Test
  void aMovedDeadlineMovesTheReminders() {
    verifiedUser("ada", "+12015550301");
    verifiedUser("carl", "+12015550303");
    put("c1", T0.plus(Duration.ofHours(30)), "ada");
    put("c2", T0.plus(Duration.ofHours(30)), "carl");

    put("c1", T0.plus(Duration.ofHours(50)), "ada");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> bodiesFor("carl").size() == 1);
    clock().set(T0.plus(Duration.ofHours(26)));
    await().atMost(WAIT).until(() -> bodiesFor("ada").size() == 1);

    assertThat(bodiesFor("ada")).containsExactly(text("24 hours", "c1"));
    assertThat(createdAt("ada")).isEqualTo(T0.plus(Duration.ofHours(26)));
  }

  @Test
  void deleteCancelsTheChallengesReminders() {
    verifiedUser("ada", "+12015550301");
    verifiedUser("carl", "+12015550303");
    put("c1", T0.plus(Duration.ofHours(30)), "ada");
    put("c2", T0.plus(Duration.ofHours(30)), "carl");

    assertThat(mvc.delete().uri("/api/v1/platform/challenges/c1").header("X-Api-Key", key()))
        .hasStatus(204);
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> bodiesFor("carl").size() == 1);

    assertThat(bodiesFor("ada")).isEmpty();
  }

  @Test
  void aSubmissionStopsTheRemindersOfThatParticipantOnly() {
    verifiedUser("ada", "+12015550301");
    verifiedUser("bob", "+12015550302");
    put("c1", T0.plus(Duration.ofHours(30)), "ada", "bob");

    var submitted = submit("c1", "ada");
    var stranger = submit("c1", "zed");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> bodiesFor("bob").size() == 1);

    assertThat(submitted).hasStatusOk();
    assertThat(stranger)
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("unknown_participant");
    assertThat(bodiesFor("ada")).isEmpty();
  }

  @Test
  void aChallengeTenHoursFromItsDeadlineGetsOnlyTheOneHourReminder() {
    verifiedUser("ada", "+12015550301");

    var answer = put("c1", T0.plus(Duration.ofHours(10)), "ada");
    clock().set(T0.plus(Duration.ofHours(9)));
    await().atMost(WAIT).until(() -> bodiesFor("ada").size() == 1);

    assertThat(answer).bodyJson().extractingPath("$.reminders[0].scheduled").isEqualTo(false);
    assertThat(bodiesFor("ada")).containsExactly(text("1 hour", "c1"));
  }

  @Test
  void aReminderIsNotSentLaterThanItsGrace() {
    verifiedUser("ada", "+12015550301");
    verifiedUser("carl", "+12015550303");
    put("c1", T0.plus(Duration.ofHours(30)), "ada");

    clock().set(T0.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(16)));
    put("c2", T0.plus(Duration.ofHours(8)), "carl");
    clock().set(T0.plus(Duration.ofHours(7)));
    await().atMost(WAIT).until(() -> bodiesFor("carl").size() == 1);

    assertThat(bodiesFor("ada")).isEmpty();
  }

  @Test
  void quietHoursPastTheDeadlineSkipTheReminderAndEarlierOnesStateTheTrueTimeLeft() {
    verifiedUser("ada", "+12015550301");
    verifiedUser("bob", "+12015550302");
    quietHours("ada", "20:00", "08:00");
    quietHours("bob", "00:00", "06:00");

    put("c1", Instant.parse("2026-03-10T23:00:00Z"), "ada");
    put("c2", Instant.parse("2026-03-12T03:00:00Z"), "bob");
    clock().set(Instant.parse("2026-03-10T22:00:00Z"));
    await().atMost(WAIT).until(() -> reasons("ada").contains("quiet_hours_expired"));
    clock().set(Instant.parse("2026-03-11T03:00:00Z"));
    await().atMost(WAIT).until(() -> bodiesFor("bob").size() == 1);

    assertThat(bodiesFor("ada")).isEmpty();
    assertThat(bodiesFor("bob")).containsExactly(text("21 hours", "c2"));
  }

  @Test
  void sendsNothingToUnverifiedUsersNorToThoseWhoSwitchedRemindersOff() {
    verifiedUser("ada", "+12015550301");
    new PlatformCalls(mvc, accounts).provision("bob", "+12015550302");
    verifiedUser("carl", "+12015550303");
    patch("carl", "{\"allow_sms_challenge_reminders\":false}");

    put("c1", T0.plus(Duration.ofHours(30)), "ada", "bob", "carl");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> reasons(null).size() == 3);

    assertThat(reasons("bob")).containsExactly("not_verified");
    assertThat(reasons("carl")).containsExactly("category_off");
    assertThat(bodiesFor("bob")).isEmpty();
    assertThat(bodiesFor("carl")).isEmpty();
  }

  @Test
  void refusesAnInvalidChallengeAndSavesNothing() {
    var answer =
        mvc.put()
            .uri("/api/v1/platform/challenges/c1")
            .header("X-Api-Key", key())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"title\":\"T\",\"challenge_url\":\"https://allthrive.ai/c/1\","
                    + "\"deadline\":\"tomorrow\",\"participant_ids\":[\"ada\"]}")
            .exchange();

    assertThat(answer)
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("invalid_challenge");
    assertThat(jdbc.sql("select count(*) from challenge").query(Long.class).single()).isZero();
  }

  static String text(String left, String challenge) {
    return "Reminder: "
        + left
        + " left to complete \"Prompt Week\"\n\nSubmit now: https://allthrive.ai/challenges/"
        + challenge;
  }

  MvcTestResult put(String id, Instant deadline, String... participants) {
    String ids = String.join("\",\"", participants);
    return mvc.put()
        .uri("/api/v1/platform/challenges/" + id)
        .header("X-Api-Key", key())
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"title\":\"Prompt Week\",\"challenge_url\":\"https://allthrive.ai/challenges/"
                + id
                + "\",\"deadline\":\""
                + deadline
                + "\",\"participant_ids\":[\""
                + ids
                + "\"]}")
        .exchange();
  }

  MvcTestResult submit(String id, String user) {
    return mvc.post()
        .uri("/api/v1/platform/challenges/" + id + "/submissions/" + user)
        .header("X-Api-Key", key())
        .exchange();
  }

  void quietHours(String user, String start, String end) {
    patch(user, "{\"quiet_hours\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}");
  }

  void patch(String user, String body) {
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .hasStatusOk();
  }

  void verifiedUser(String id, String phone) {
    new PlatformCalls(mvc, accounts).verifiedUser(id, phone);
  }

  List<String> bodies() {
    return jdbc.sql("select body from sms_message where message_type = 'challenge_reminder'")
        .query(String.class)
        .list();
  }

  List<String> bodiesFor(String user) {
    return jdbc.sql(
            "select body from sms_message where message_type = 'challenge_reminder'"
                + " and recipient_user_id = :u order by id")
        .param("u", user)
        .query(String.class)
        .list();
  }

  Instant createdAt(String user) {
    return jdbc.sql("select created_at from sms_message where recipient_user_id = :u")
        .param("u", user)
        .query(java.time.OffsetDateTime.class)
        .single()
        .toInstant();
  }

  List<String> reasons(String user) {
    return jdbc.sql(
            "select reason from notification_decision where message_type = 'challenge_reminder'"
                + (user == null ? "" : " and user_id = :u"))
        .params(user == null ? java.util.Map.of() : java.util.Map.of("u", user))
        .query(String.class)
        .list();
  }

  MutableClock clock() {
    return (MutableClock) clock;
  }

  static String key() {
    return TestKeys.PLATFORM_KEY;
  }
}
