package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * A reminder held back by quiet hours goes out at their end only if its challenge still exists and
 * its recipient still takes part and has not submitted; otherwise it ends canceled with the reason,
 * in the SMS log and in the decisions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ChallengeRemindersTests.Clocks.class)
abstract class ReminderSendChecksTests {

  static final Instant DEADLINE = Instant.parse("2026-03-12T03:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Clock clock;

  ChallengeCalls calls;

  @DynamicPropertySource
  static void reminders(DynamicPropertyRegistry registry) {
    registry.add("sms.notifications.reminder-recheck", () -> "200ms");
  }

  @BeforeEach
  void reset() {
    Tables.clear(jdbc);
    clock().set(ChallengeRemindersTests.T0);
    calls = new ChallengeCalls(mvc, jdbc, accounts);
  }

  @Test
  void aDeferredReminderIsCanceledWhenItsChallengeOrParticipationEndedMeanwhile() {
    String[] users = {"ada", "bob", "carl", "dave"};
    for (int i = 0; i < users.length; i++) {
      calls.verifiedUser(users[i], "+1201555060" + i);
      calls.quietHours(users[i], "00:00", "06:00");
    }
    calls.put("c1", DEADLINE, "ada", "bob", "dave");
    calls.put("c2", DEADLINE, "carl");
    clock().set(DEADLINE.minus(Duration.ofHours(24)));
    await().atMost(WAIT).until(() -> deferred() == 4);

    assertThat(calls.put("c1", DEADLINE, "bob", "dave")).hasStatusOk();
    assertThat(calls.submit("c1", "bob")).hasStatusOk();
    assertThat(calls.delete("c2")).hasStatus(204);
    clock().set(Instant.parse("2026-03-11T06:01:00Z"));
    await().atMost(WAIT).until(() -> settledAfterDispatchingDueTasks(users));

    assertThat(statusOf("dave")).isEqualTo("sent");
    assertThat(statusOf("ada")).isEqualTo("canceled participant_removed");
    assertThat(statusOf("bob")).isEqualTo("canceled challenge_submitted");
    assertThat(statusOf("carl")).isEqualTo("canceled challenge_deleted");
    assertThat(adminGet("/api/v1/admin/sms-messages?status=canceled&user_id=carl"))
        .contains("\"error_code\":\"challenge_deleted\"");
    assertThat(adminGet("/api/v1/admin/decisions?outcome=canceled&user_id=ada"))
        .contains("\"reason\":\"participant_removed\"");
    assertThat(adminGet("/api/v1/admin/decisions?outcome=canceled&user_id=bob"))
        .contains("\"reason\":\"challenge_submitted\"");
  }

  long deferred() {
    return jdbc.sql(
            "select count(*) from notification_decision where message_type = 'challenge_reminder'"
                + " and outcome = 'deferred'")
        .query(Long.class)
        .single();
  }

  /**
   * The scheduler runs on the real clock: the dispatch tasks the moved service clock made due are
   * made due on it too, again on every look (one picked meanwhile is caught at the next); settled
   * when no reminder waits or is being sent.
   */
  boolean settledAfterDispatchingDueTasks(String[] users) {
    jdbc.sql(
            "update scheduled_tasks set execution_time = :now"
                + " where task_name = 'sms-dispatch' and picked = false")
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    return List.of(users).stream()
        .map(this::statusOf)
        .noneMatch(s -> s.startsWith("pending") || s.startsWith("sending"));
  }

  String statusOf(String user) {
    return jdbc.sql(
            "select status || coalesce(' ' || error_code, '') from sms_message"
                + " where recipient_user_id = :u and message_type = 'challenge_reminder'")
        .param("u", user)
        .query(String.class)
        .single();
  }

  String adminGet(String uri) {
    var result = mvc.get().uri(uri).header("X-Api-Key", TestKeys.ADMIN_KEY).exchange();
    assertThat(result).hasStatusOk();
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  MutableClock clock() {
    return (MutableClock) clock;
  }
}
