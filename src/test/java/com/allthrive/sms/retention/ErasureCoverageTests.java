package com.allthrive.sms.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PersonalData;
import com.allthrive.sms.shared.PersonalData.Erasure;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Erasing a user reaches every table: each table of the schema is declared by one module with what
 * erasure does to it, and after a full flow (number verified, preferences, a code for a new number,
 * an event, a text sent, STOP) no table still names the user, and only the number holder's records
 * keep the number. A table nobody declared fails this test until it is classified.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ErasureCoverageTests {

  static final FakeTwilio twilio = FakeTwilio.shared();
  static final String ADA = "u-ada-erasure-17";
  static final String BOB = "u-bob-erasure-17";
  static final String ADA_PHONE = "+12025557301";
  static final String ADA_NEW_PHONE = "+12125557302";
  static final String BOB_PHONE = "+14155557303";

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired InboundSmsHandler inbound;
  @Autowired List<PersonalData> declarations;

  @BeforeEach
  void emptyDatabase() {
    Tables.clear(jdbc);
    twilio.reset();
  }

  @Test
  void everyTableIsDeclaredByExactlyOneModule() {
    Map<String, Erasure> declared = declaredTables();

    assertThat(declared.keySet())
        .as("tables declared with what erasure does to them")
        .containsExactlyInAnyOrderElementsOf(new TableScan(jdbc).tables());
  }

  @Test
  void erasureLeavesNoTableNamingTheUserAndOnlyNumberRecordsKeepTheNumber() {
    fullFlowFor();
    TableScan scan = new TableScan(jdbc);
    Map<String, Erasure> declared = declaredTables();
    declared.forEach(
        (table, erasure) -> {
          if (erasure != Erasure.NONE_HELD) {
            assertThat(scan.contains(table, ADA) || scan.contains(table, digits(ADA_PHONE)))
                .as("%s holds the user before erasure", table)
                .isTrue();
          }
        });

    long logged = jdbc.sql("select count(*) from sms_message").query(Long.class).single();
    assertThat(
            mvc.delete()
                .uri("/api/v1/platform/users/" + ADA)
                .header("X-Api-Key", TestKeys.PLATFORM_KEY))
        .hasStatus2xxSuccessful();

    for (String table : scan.tables()) {
      assertThat(scan.contains(table, ADA)).as("%s names the erased user", table).isFalse();
      if (declared.get(table) != Erasure.NUMBER_KEPT) {
        assertThat(
                scan.contains(table, digits(ADA_PHONE))
                    || scan.contains(table, digits(ADA_NEW_PHONE)))
            .as("%s keeps the erased user's number", table)
            .isFalse();
      }
    }
    assertThat(scan.contains("sms_message", BOB)).isTrue();
    assertThat(scan.contains("notification_decision", BOB)).isTrue();
    assertThat(scan.contains("platform_event", BOB)).isTrue();
    assertThat(jdbc.sql("select count(*) from sms_message").query(Long.class).single())
        .as("the log keeps its rows for counts and costs")
        .isEqualTo(logged);
  }

  private void fullFlowFor() {
    PlatformCalls platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser(ADA, ADA_PHONE);
    platform.verifiedUser(BOB, BOB_PHONE);
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token(ADA))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allow_sms_battle_results\":false}"))
        .hasStatusOk();
    assertThat(
            mvc.post()
                .uri("/api/v1/users/phone/request-verification")
                .header("Authorization", "Bearer " + JwtFixtures.token(ADA))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + ADA_NEW_PHONE + "\"}"))
        .hasStatus(202);
    for (String user : List.of(ADA, BOB)) {
      assertThat(
              platform.event(
                  "achievement.unlocked",
                  "{\"user_id\":\""
                      + user
                      + "\",\"achievement_id\":\"a1\","
                      + "\"achievement_name\":\"First Steps\",\"points\":10}"))
          .hasStatus(202);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> twilio.sendsTo(ADA_PHONE).size() == 1 && twilio.sendsTo(BOB_PHONE).size() == 1);
    assertThat(
            platform.event(
                "direct_message.created",
                "{\"thread_id\":\"t17\",\"message_id\":\"m17\",\"sender_id\":\""
                    + BOB
                    + "\",\"sender_name\":\"Bob\",\"recipient_ids\":[\""
                    + ADA
                    + "\"],\"message_preview\":\"hi\",\"thread_url\":\"https://allthrive.ai/t/17\"}"))
        .hasStatus(202);
    challengeEndingSoon();
    jdbc.sql(
            "insert into cost_alert (alert_key, kind, subject, threshold, observed, message,"
                + " created_at, notified) values (:key, 'user_daily_spend', :user, '1', '2',"
                + " :message, current_timestamp, 'none')")
        .param("key", "user_daily_spend:today:1:" + ADA)
        .param("user", ADA)
        .param("message", "User " + ADA + " spent 2 USD today")
        .update();
    jdbc.sql(
            "insert into challenge_reminder (challenge_id, user_id, reminder_window, created_at)"
                + " values ('c17', :user, '24h', current_timestamp)")
        .param("user", ADA)
        .update();
    TableScan scan = new TableScan(jdbc);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from sms_message where status in ('pending', 'sending')")
                        .query(Long.class)
                        .single()
                    == 0);
    inbound.handle(new InboundSms(new PhoneNumber(ADA_PHONE), "STOP", null, "SMstop17"));
  }

  private void challengeEndingSoon() {
    assertThat(
            mvc.put()
                .uri("/api/v1/platform/challenges/c17")
                .header("X-Api-Key", TestKeys.PLATFORM_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"title\":\"Prompt Week\",\"challenge_url\":\"https://allthrive.ai/c/17\","
                        + "\"deadline\":\""
                        + Instant.now().plus(Duration.ofHours(3))
                        + "\",\"participant_ids\":[\""
                        + ADA
                        + "\",\""
                        + BOB
                        + "\"]}"))
        .hasStatus2xxSuccessful();
  }

  private Map<String, Erasure> declaredTables() {
    Map<String, Erasure> all = new HashMap<>();
    for (PersonalData data : declarations) {
      data.tables()
          .forEach(
              (table, erasure) ->
                  assertThat(all.put(table, erasure)).as("%s declared twice", table).isNull());
    }
    return all;
  }

  private static String digits(String e164) {
    return e164.substring(2);
  }
}
