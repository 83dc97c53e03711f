package com.allthrive.sms.notifications;

import static com.allthrive.sms.notifications.ChallengeCalls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.time.Clock;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

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
    // pages of two, two at a time: every test with more than one participant pages
    registry.add("sms.notifications.reminder-page-size", () -> "2");
    registry.add("sms.notifications.reminder-parallelism", () -> "2");
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Clock clock;

  ChallengeCalls calls;

  @BeforeEach
  void reset() {
    Tables.clear(jdbc);
    clock().set(T0);
    calls = new ChallengeCalls(mvc, jdbc, accounts);
  }

  @Test
  void remindsEachParticipant24HoursAndThenOneHourBeforeTheDeadline() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("bob", "+12015550302");

    var answer = calls.put("c1", T0.plus(Duration.ofHours(30)), "ada", "bob");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.bodies().size() == 2);
    clock().set(T0.plus(Duration.ofHours(29)));
    await().atMost(WAIT).until(() -> calls.bodies().size() == 4);

    assertThat(answer)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.reminders[0].scheduled")
        .isEqualTo(true);
    assertThat(calls.bodiesFor("ada"))
        .containsExactly(text("24 hours", "c1"), text("1 hour", "c1"));
    assertThat(calls.bodiesFor("bob"))
        .containsExactly(text("24 hours", "c1"), text("1 hour", "c1"));
  }

  @Test
  void remindsEveryParticipantOnceWhenTheChallengeSpansManyPages() {
    String[] users = new String[7];
    for (int i = 0; i < users.length; i++) {
      users[i] = "p" + i;
      calls.verifiedUser(users[i], "+120155504" + (10 + i));
    }

    calls.put("c1", T0.plus(Duration.ofHours(30)), users);
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.bodies().size() == 7);

    for (String user : users) {
      assertThat(calls.bodiesFor(user)).containsExactly(text("24 hours", "c1"));
    }
  }

  @Test
  void aMovedDeadlineMovesTheReminders() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("carl", "+12015550303");
    calls.put("c1", T0.plus(Duration.ofHours(30)), "ada");
    calls.put("c2", T0.plus(Duration.ofHours(30)), "carl");

    var moved = calls.put("c1", T0.plus(Duration.ofHours(50)), "ada");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("carl").size() == 1);
    clock().set(T0.plus(Duration.ofHours(26)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("ada").size() == 1);

    assertThat(moved).hasStatusOk();
    assertThat(calls.bodiesFor("ada")).containsExactly(text("24 hours", "c1"));
    assertThat(calls.createdAt("ada")).isEqualTo(T0.plus(Duration.ofHours(26)));
  }

  @Test
  void putsAndDeletesWhileRunsLookAtTheChallengeAlwaysSucceedAndOnlyTheLastVersionIsSent() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("carl", "+12015550303");
    calls.put("c1", T0.plus(Duration.ofHours(30)), "ada");
    calls.put("c2", T0.plus(Duration.ofHours(30)), "carl");

    for (int i = 1; i <= 20; i++) {
      assertThat(calls.put("c1", T0.plus(Duration.ofHours(i % 2 == 0 ? 40 : 30)), "ada"))
          .hasStatusOk();
    }
    assertThat(calls.delete("c2")).hasStatus(204);
    assertThat(calls.put("c2", T0.plus(Duration.ofHours(50)), "carl")).hasStatusOk();
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.reminderRuns() == 4);
    assertThat(calls.bodies()).isEmpty();
    clock().set(T0.plus(Duration.ofHours(16)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("ada").size() == 1);
    clock().set(T0.plus(Duration.ofHours(26)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("carl").size() == 1);

    assertThat(calls.bodiesFor("ada")).containsExactly(text("24 hours", "c1"));
    assertThat(calls.bodiesFor("carl")).containsExactly(text("24 hours", "c2"));
    assertThat(calls.createdAt("ada")).isEqualTo(T0.plus(Duration.ofHours(16)));
  }

  @Test
  void deleteCancelsTheChallengesReminders() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("carl", "+12015550303");
    calls.put("c1", T0.plus(Duration.ofHours(30)), "ada");
    calls.put("c2", T0.plus(Duration.ofHours(30)), "carl");

    assertThat(
            mvc.delete()
                .uri("/api/v1/platform/challenges/c1")
                .header("X-Api-Key", TestKeys.PLATFORM_KEY))
        .hasStatus(204);
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("carl").size() == 1);

    assertThat(calls.bodiesFor("ada")).isEmpty();
  }

  @Test
  void aSubmissionStopsTheRemindersOfThatParticipantOnly() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("bob", "+12015550302");
    calls.put("c1", T0.plus(Duration.ofHours(30)), "ada", "bob");

    var submitted = calls.submit("c1", "ada");
    var stranger = calls.submit("c1", "zed");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("bob").size() == 1);

    assertThat(submitted).hasStatusOk();
    assertThat(stranger)
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("unknown_participant");
    assertThat(calls.bodiesFor("ada")).isEmpty();
  }

  @Test
  void aChallengeTenHoursFromItsDeadlineGetsOnlyTheOneHourReminder() {
    calls.verifiedUser("ada", "+12015550301");

    var answer = calls.put("c1", T0.plus(Duration.ofHours(10)), "ada");
    clock().set(T0.plus(Duration.ofHours(9)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("ada").size() == 1);

    assertThat(answer).bodyJson().extractingPath("$.reminders[0].scheduled").isEqualTo(false);
    assertThat(calls.bodiesFor("ada")).containsExactly(text("1 hour", "c1"));
  }

  @Test
  void aReminderIsNotSentLaterThanItsGrace() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("carl", "+12015550303");
    calls.put("c1", T0.plus(Duration.ofHours(30)), "ada");

    clock().set(T0.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(16)));
    calls.put("c2", T0.plus(Duration.ofHours(8)), "carl");
    clock().set(T0.plus(Duration.ofHours(7)));
    await().atMost(WAIT).until(() -> calls.bodiesFor("carl").size() == 1);

    assertThat(calls.bodiesFor("ada")).isEmpty();
  }

  @Test
  void quietHoursPastTheDeadlineSkipTheReminderAndEarlierOnesStateTheTrueTimeLeft() {
    calls.verifiedUser("ada", "+12015550301");
    calls.verifiedUser("bob", "+12015550302");
    calls.quietHours("ada", "20:00", "08:00");
    calls.quietHours("bob", "00:00", "06:00");

    calls.put("c1", Instant.parse("2026-03-10T23:00:00Z"), "ada");
    calls.put("c2", Instant.parse("2026-03-12T03:00:00Z"), "bob");
    clock().set(Instant.parse("2026-03-10T22:00:00Z"));
    await().atMost(WAIT).until(() -> calls.reasons("ada").contains("quiet_hours_expired"));
    clock().set(Instant.parse("2026-03-11T03:00:00Z"));
    await().atMost(WAIT).until(() -> calls.bodiesFor("bob").size() == 1);

    assertThat(calls.bodiesFor("ada")).isEmpty();
    assertThat(calls.bodiesFor("bob")).containsExactly(text("21 hours", "c2"));
  }

  @Test
  void sendsNothingToUnverifiedUsersNorToThoseWhoSwitchedRemindersOff() {
    calls.verifiedUser("ada", "+12015550301");
    new PlatformCalls(mvc, accounts).provision("bob", "+12015550302");
    calls.verifiedUser("carl", "+12015550303");
    calls.patch("carl", "{\"allow_sms_challenge_reminders\":false}");

    calls.put("c1", T0.plus(Duration.ofHours(30)), "ada", "bob", "carl");
    clock().set(T0.plus(Duration.ofHours(6)));
    await().atMost(WAIT).until(() -> calls.reasons(null).size() == 3);

    assertThat(calls.reasons("bob")).containsExactly("not_verified");
    assertThat(calls.reasons("carl")).containsExactly("category_off");
    assertThat(calls.bodiesFor("bob")).isEmpty();
    assertThat(calls.bodiesFor("carl")).isEmpty();
  }

  @Test
  void refusesAnInvalidChallengeAndSavesNothing() {
    var answer =
        mvc.put()
            .uri("/api/v1/platform/challenges/c1")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
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

  MutableClock clock() {
    return (MutableClock) clock;
  }
}
