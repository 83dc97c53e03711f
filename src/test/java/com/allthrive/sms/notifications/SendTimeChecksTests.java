package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What is allowed when a message is due decides whether it goes out: a STOP, a switched-off
 * category or a changed number while a message waits (quiet hours, a retry) means it never reaches
 * Twilio and ends canceled, in the SMS log and in the decisions with the reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SendTimeChecksTests.Clocks.class)
abstract class SendTimeChecksTests {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final FakeTwilio twilio = FakeTwilio.shared();

  /** 10:20 in New York: inside the quiet hours below, which end at 15:30 UTC. */
  static final Instant START = Instant.parse("2026-03-10T15:20:00Z");

  static final String ADA = "+12015550111";
  static final String BOB = "+12015550112";

  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock(START);
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired InboundSmsHandler inbound;
  @Autowired MutableClock clock;

  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.retry-base-delay", () -> "1m");
    registry.add("sms.delivery.retry-max-delay", () -> "1m");
  }

  @BeforeEach
  void emptyDatabase() {
    Tables.clear(jdbc);
    twilio.reset();
    clock.set(START);
  }

  @Test
  void stopCancelsADeferredMessageAtOnceWhileOthersGoOutWhenQuietHoursEnd() {
    long ada = deferredAchievement("ada", ADA);
    long bob = deferredAchievement("bob", BOB);

    inbound.handle(new InboundSms(new PhoneNumber(ADA), "STOP", null, "SM1"));

    assertThat(status(ada)).isEqualTo("canceled");
    assertThat(errorCode(ada)).isEqualTo("opted_out");
    assertThat(adminGet("/api/v1/admin/sms-messages?status=canceled"))
        .contains("\"id\":" + ada + ",");
    assertThat(adminGet("/api/v1/admin/decisions?reason=opted_out&outcome=canceled"))
        .contains("\"message_id\":" + ada);
    quietHoursEnd();
    await().atMost(WAIT).until(() -> status(bob).equals("sent"));
    assertThat(twilio.sendsTo(BOB)).hasSize(1);
    assertThat(twilio.sendsTo(ADA)).isEmpty();
    assertThat(status(ada)).isEqualTo("canceled");
  }

  @Test
  void stopBetweenTwoProviderAttemptsEndsTheRetries() {
    verifiedUser("ada", ADA);
    verifiedUser("bob", BOB);
    twilio.failThenAccept(ADA, 1, 500);
    twilio.failThenAccept(BOB, 1, 500);
    long ada = messageOf(achievement("ada"));
    long bob = messageOf(achievement("bob"));
    await().atMost(WAIT).until(() -> twilio.sendsTo(ADA).size() == 1 && retrying(ada));
    await().atMost(WAIT).until(() -> twilio.sendsTo(BOB).size() == 1 && retrying(bob));

    inbound.handle(new InboundSms(new PhoneNumber(ADA), "stop", null, "SM2"));
    clock.advance(Duration.ofMinutes(5));
    dispatchTasksDueNow();

    await().atMost(WAIT).until(() -> status(bob).equals("sent"));
    assertThat(twilio.sendsTo(BOB)).hasSize(2);
    assertThat(twilio.sendsTo(ADA)).hasSize(1);
    assertThat(status(ada)).isEqualTo("canceled");
  }

  @Test
  void aCategorySwitchedOffWhileTheMessageWaitsIsRespected() {
    long ada = deferredAchievement("ada", ADA);

    patch("ada", "/api/v1/me/sms-preferences", "{\"allow_sms_achievement_unlocks\":false}");
    quietHoursEnd();

    await().atMost(WAIT).until(() -> status(ada).equals("canceled"));
    assertThat(errorCode(ada)).isEqualTo("category_off");
    assertThat(twilio.sendsTo(ADA)).isEmpty();
    assertThat(adminGet("/api/v1/admin/decisions?reason=category_off"))
        .contains("\"outcome\":\"canceled\"");
  }

  @Test
  void aMessageWaitingForAnOldNumberIsNotSentThere() {
    long ada = deferredAchievement("ada", ADA);

    var put =
        mvc.put()
            .uri("/api/v1/me/phone")
            .header("Authorization", "Bearer " + JwtFixtures.token("ada"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"phone_number\":\"+12015550119\"}")
            .exchange();
    assertThat(put).hasStatus2xxSuccessful();
    quietHoursEnd();

    await().atMost(WAIT).until(() -> status(ada).equals("canceled"));
    assertThat(errorCode(ada)).isEqualTo("number_changed");
    assertThat(twilio.sendsTo(ADA)).isEmpty();
    assertThat(twilio.sendsTo("+12015550119")).isEmpty();
  }

  long deferredAchievement(String user, String phone) {
    verifiedUser(user, phone);
    patch(
        user,
        "/api/v1/me/sms-preferences",
        "{\"timezone\":\"America/New_York\",\"quiet_hours\":{\"start\":\"09:00\",\"end\":\"11:30\"}}");
    var result = achievement(user);
    assertThat(result).contains("\"outcome\":\"deferred\"");
    return messageOf(result);
  }

  void quietHoursEnd() {
    clock.set(Instant.parse("2026-03-10T15:31:00Z"));
    dispatchTasksDueNow();
  }

  /**
   * The scheduler runs on the real clock: what the moved service clock made due runs now. A run
   * that began before the clock moved (a deferred message's task is due at once on the real clock,
   * and its run puts it off again) is let finish first: moving a task while it is picked would be
   * undone by that run putting it off.
   */
  void dispatchTasksDueNow() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from scheduled_tasks"
                                + " where task_name = 'sms-dispatch' and picked = true")
                        .query(Integer.class)
                        .single()
                    == 0);
    jdbc.sql(
            "update scheduled_tasks set execution_time = :now"
                + " where task_name = 'sms-dispatch' and picked = false")
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  void verifiedUser(String id, String phone) {
    new PlatformCalls(mvc, accounts).verifiedUser(id, phone);
  }

  String achievement(String user) {
    var result =
        new PlatformCalls(mvc, accounts)
            .event(
                "achievement.unlocked",
                "{\"user_id\":\""
                    + user
                    + "\",\"achievement_id\":\"a1\",\"achievement_name\":\"X\",\"points\":1}");
    assertThat(result).hasStatus(202);
    return body(result);
  }

  static long messageOf(String decisions) {
    var matcher = java.util.regex.Pattern.compile("\"message_id\":(\\d+)").matcher(decisions);
    assertThat(matcher.find()).as(decisions).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  void patch(String user, String uri, String body) {
    var result =
        mvc.patch()
            .uri(uri)
            .header("Authorization", "Bearer " + JwtFixtures.token(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    assertThat(result).hasStatusOk();
  }

  String adminGet(String uri) {
    var result = mvc.get().uri(uri).header("X-Api-Key", TestKeys.ADMIN_KEY).exchange();
    assertThat(result).hasStatusOk();
    return body(result);
  }

  static String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean retrying(long id) {
    return status(id).equals("pending") && errorCode(id) != null;
  }

  String status(long id) {
    return column("status", id);
  }

  String errorCode(long id) {
    return column("error_code", id);
  }

  private String column(String name, long id) {
    return jdbc.sql("select " + name + " from sms_message where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
