package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.TestKeys;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The platform's and users' calls of the reminder tests, and what the SMS log then holds. */
final class ChallengeCalls {

  private final MockMvcTester mvc;
  private final JdbcClient jdbc;
  private final Accounts accounts;

  ChallengeCalls(MockMvcTester mvc, JdbcClient jdbc, Accounts accounts) {
    this.mvc = mvc;
    this.jdbc = jdbc;
    this.accounts = accounts;
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
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
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

  MvcTestResult delete(String id) {
    return mvc.delete()
        .uri("/api/v1/platform/challenges/" + id)
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .exchange();
  }

  /** The reminder executions waiting in the scheduler, of every challenge. */
  long reminderRuns() {
    return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'challenge-reminder'")
        .query(Long.class)
        .single();
  }

  MvcTestResult submit(String id, String user) {
    return mvc.post()
        .uri("/api/v1/platform/challenges/" + id + "/submissions/" + user)
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
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
}
