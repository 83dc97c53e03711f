package com.allthrive.sms.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Records expire on their own schedules: idempotency keys after 7 days, decisions and message texts
 * after 90, while the log's rows (status, segments, cost) stay.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RetentionTests.Clocks.class)
abstract class RetentionTests {

  static final FakeTwilio twilio = FakeTwilio.shared();
  static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
  static final List<String> JOBS = List.of("sms-body-purge", "decision-purge", "event-key-purge");

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
  @Autowired MutableClock clock;

  /** One test per class, on a fresh database: the recurring jobs' rows must stay. */
  @BeforeEach
  void resetFakes() {
    twilio.reset();
    clock.set(START);
  }

  @Test
  void keysGoAfterAWeekDecisionsAndTextsAfterNinetyDaysCountsAndCostsStay() {
    PlatformCalls platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("ret-ada", "+12025557401");
    achievement(platform, "ret-ada", "old");
    await().atMost(Duration.ofSeconds(20)).until(() -> count("status = 'sent'") == 1);
    clock.advance(Duration.ofDays(6));
    achievement(platform, "ret-ada", "newer");
    await().atMost(Duration.ofSeconds(20)).until(() -> count("status = 'sent'") == 2);

    clock.advance(Duration.ofDays(2));
    runRetentionJobs();

    assertThat(rows("platform_event")).isEqualTo(1);
    assertThat(rows("notification_decision")).isEqualTo(2);
    assertThat(count("body is not null")).isEqualTo(2);

    clock.advance(Duration.ofDays(83));
    runRetentionJobs();

    assertThat(rows("platform_event")).isZero();
    assertThat(rows("notification_decision")).isEqualTo(1);
    assertThat(count("body is null")).isEqualTo(1);
    assertThat(count("status = 'sent' and segments = 1 and estimated_cost > 0")).isEqualTo(2);
  }

  private static void achievement(PlatformCalls platform, String user, String id) {
    assertThat(
            platform.event(
                "achievement.unlocked",
                "{\"user_id\":\""
                    + user
                    + "\",\"achievement_id\":\""
                    + id
                    + "\","
                    + "\"achievement_name\":\"Streak\",\"points\":5}"))
        .hasStatus(202);
  }

  /** The scheduler runs on the real clock: the jobs are made due now, and awaited. */
  private void runRetentionJobs() {
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusYears(1);
    awaitRunsSince(started);
    OffsetDateTime marker = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql("update scheduled_tasks set execution_time = :now where task_name in (:jobs)")
        .param("now", marker)
        .param("jobs", JOBS)
        .update();
    awaitRunsSince(marker);
  }

  /** Every job ran to its end after {@code marker} (the start-up runs first, then ours). */
  private void awaitRunsSince(OffsetDateTime marker) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from scheduled_tasks where task_name in (:jobs)"
                                + " and last_success > :marker and picked = false")
                        .param("jobs", JOBS)
                        .param("marker", marker)
                        .query(Long.class)
                        .single()
                    == JOBS.size());
  }

  private long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private long count(String where) {
    return jdbc.sql("select count(*) from sms_message where " + where).query(Long.class).single();
  }
}
