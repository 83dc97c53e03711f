package com.allthrive.sms.notifications;

import static com.allthrive.sms.notifications.ChallengeCalls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.shared.UserSmsQuota;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A reminder's participants decided a page at a time: each rule of the policy gives every
 * participant of the page the decision it would give them alone. Pages of ten, so each test's
 * participants share one page; a daily budget of three one-segment US texts ($0.0083 each).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ChallengeRemindersTests.Clocks.class)
abstract class ReminderPagesTests {

  static final Instant T0 = ChallengeRemindersTests.T0;
  static final Instant DEADLINE = T0.plus(Duration.ofHours(30));
  static final Instant MOMENT = DEADLINE.minus(Duration.ofHours(24));
  static final Duration WAIT = Duration.ofSeconds(20);

  @DynamicPropertySource
  static void pages(DynamicPropertyRegistry registry) {
    registry.add("sms.notifications.reminder-recheck", () -> "200ms");
    registry.add("sms.notifications.reminder-page-size", () -> "10");
    registry.add("sms.notifications.reminder-parallelism", () -> "1");
    registry.add("sms.costs.daily-budget", () -> "0.0249");
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Clock clock;
  @Autowired InboundSmsHandler inbound;
  @Autowired UserSmsQuota quota;

  ChallengeCalls calls;

  @BeforeEach
  void reset() {
    Tables.clear(jdbc);
    ((MutableClock) clock).set(T0);
    calls = new ChallengeCalls(mvc, jdbc, accounts);
  }

  @Test
  void givesEachParticipantOfAPageTheDecisionTheRulesGiveThemAlone() {
    calls.verifiedUser("ada", "+12015550401");
    calls.verifiedUser("stop", "+12015550402");
    inbound.handle(new InboundSms(new PhoneNumber("+12015550402"), "STOP", null, "SM-stop"));
    calls.verifiedUser("off", "+12015550403");
    calls.patch("off", "{\"allow_sms_challenge_reminders\":false}");
    new PlatformCalls(mvc, accounts).provision("unverified", "+12015550404");
    calls.verifiedUser("quiet", "+12015550405");
    calls.quietHours("quiet", "17:00", "19:00");
    calls.verifiedUser("busy", "+12015550406");
    calls.verifiedUser("done", "+12015550407");

    calls.put("c1", DEADLINE, "ada", "stop", "off", "unverified", "quiet", "busy", "done", "zed");
    claimedBefore("c1", "done");
    ((MutableClock) clock).set(MOMENT.minus(Duration.ofMinutes(1)));
    for (int i = 0; i < UserSmsQuota.PER_HOUR; i++) {
      quota.tryTake(new UserId("busy"));
    }
    ((MutableClock) clock).set(MOMENT);
    await().atMost(WAIT).until(() -> calls.reasons(null).size() == 7);

    assertThat(decisions())
        .isEqualTo(
            Map.of(
                "ada", "queued/eligible",
                "stop", "skipped/opted_out",
                "off", "skipped/category_off",
                "unverified", "skipped/not_verified",
                "quiet", "deferred/quiet_hours",
                "busy", "skipped/rate_limited",
                "zed", "skipped/unknown_recipient"));
    assertThat(calls.bodiesFor("ada")).containsExactly(text("24 hours", "c1"));
    assertThat(calls.bodiesFor("quiet")).hasSize(1);
    assertThat(notBefore("quiet")).isEqualTo(MOMENT.plus(Duration.ofHours(1)));
    assertThat(calls.bodies()).hasSize(2);
    assertThat(quota.remaining(new UserId("ada")).thisHour()).isEqualTo(UserSmsQuota.PER_HOUR - 1);
    assertThat(quota.remaining(new UserId("quiet")).thisHour()).isEqualTo(UserSmsQuota.PER_HOUR);
  }

  @Test
  void aPageTheDailyCapWouldNotTakeWholeIsDecidedOneByOne() {
    String[] users = {"p1", "p2", "p3", "p4"};
    for (int i = 0; i < users.length; i++) {
      calls.verifiedUser(users[i], "+1201555041" + i);
    }

    calls.put("c1", DEADLINE, users);
    ((MutableClock) clock).set(MOMENT);
    await().atMost(WAIT).until(() -> calls.reasons(null).size() == 4);

    assertThat(calls.reasons(null))
        .containsExactlyInAnyOrder("eligible", "eligible", "eligible", "budget_exhausted");
    assertThat(calls.bodies()).hasSize(3);
  }

  /** An earlier run took this participant's reminder (a restart, another instance). */
  private void claimedBefore(String challenge, String user) {
    jdbc.sql(
            "insert into challenge_reminder (challenge_id, user_id, reminder_window, created_at)"
                + " values (:c, :u, '24h', :at)")
        .param("c", challenge)
        .param("u", user)
        .param("at", OffsetDateTime.parse("2026-03-10T12:00:00Z"))
        .update();
  }

  private Map<String, String> decisions() {
    return jdbc
        .sql(
            "select user_id, outcome, reason from notification_decision"
                + " where message_type = 'challenge_reminder'")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2) + "/" + rs.getString(3)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Instant notBefore(String user) {
    return jdbc.sql(
            "select next_attempt_at from sms_message where recipient_user_id = :u"
                + " and message_type = 'challenge_reminder'")
        .param("u", user)
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
  }
}
