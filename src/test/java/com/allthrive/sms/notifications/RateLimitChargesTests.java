package com.allthrive.sms.notifications;

import static com.allthrive.sms.notifications.BattleInvitationTests.invitation;
import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Rate-limit slots are spent only on messages that are accepted for sending. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class RateLimitChargesTests {

  static final String NUMBER = "+12015550123";

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired InboundSmsHandler inbound;

  @BeforeEach
  void emptyDatabase() {
    Tables.clear(jdbc);
  }

  @Test
  void anInvitationSentAgainUnderAnotherKeySpendsNothing() {
    assertThat(post("key-1", invitation("inv-1", NUMBER, "Ada"))).hasStatus(202);
    long spent = hits();

    var again = post("key-2", invitation("inv-1", NUMBER, "Ada"));

    assertThat(spent).isPositive();
    assertThat(again).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("duplicate");
    assertThat(hits()).isEqualTo(spent);
  }

  @Test
  void anAchievementReportedTwiceSpendsOneSlot() {
    new PlatformCalls(mvc, accounts).verifiedUser("ada", NUMBER);
    String achievement =
        "{\"user_id\":\"ada\",\"achievement_id\":\"a1\",\"achievement_name\":\"X\",\"points\":1}";
    assertThat(event(achievement)).hasStatus(202);
    long spent = hits();

    var again = event(achievement);

    assertThat(again).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("duplicate");
    assertThat(hits()).isEqualTo(spent).isPositive();
  }

  @Test
  void anInvitationToAnOptedOutNumberSpendsNothing() {
    inbound.handle(new InboundSms(new PhoneNumber(NUMBER), "STOP", null, "SM1"));

    var refused = post("key-3", invitation("inv-3", NUMBER, "Ada"));

    assertThat(refused).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("opted_out");
    assertThat(hits()).isZero();
  }

  @Test
  void anInvitationToANumberWhoseHolderSwitchedInvitationsOffSpendsNothing() {
    new PlatformCalls(mvc, accounts).verifiedUser("bob", NUMBER);
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token("bob"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allow_sms_invitations\":false}"))
        .hasStatusOk();

    var refused = post("key-4", invitation("inv-4", NUMBER, "Ada"));

    assertThat(refused)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("category_off");
    assertThat(hits()).isZero();
  }

  /** Slots spent: window hits, plus the hits the sliding limits still hold. */
  long hits() {
    long windows =
        jdbc.sql("select coalesce(sum(hits), 0) from rate_counter").query(Long.class).single();
    long now = System.currentTimeMillis();
    long sliding =
        jdbc
            .sql("select tat, emission_ms from rate_gcra")
            .query(
                (rs, n) -> Math.max(0, (rs.getLong(1) - now + rs.getLong(2) - 1) / rs.getLong(2)))
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    return windows + sliding;
  }

  MvcTestResult event(String achievement) {
    return new PlatformCalls(mvc, accounts).event("achievement.unlocked", achievement);
  }

  MvcTestResult post(String key, String body) {
    return mvc.post()
        .uri("/api/v1/events")
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }
}
