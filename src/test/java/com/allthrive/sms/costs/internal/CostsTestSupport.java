package com.allthrive.sms.costs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.delivery.internal.StatusCallbacks;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The costs module's full-stack tests share this: the whole service on a clock the test sets,
 * messages queued through the outbox (for far later, so the dispatcher leaves them alone unless a
 * test wants them sent), Twilio's status reports applied as its webhook applies them, and the admin
 * API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CostsTestSupport.SettableClock.class)
abstract class CostsTestSupport {

  static final Instant DAY_ONE = Instant.parse("2026-03-10T15:20:00Z");
  static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The service's clock, set by each test. */
  @TestConfiguration
  static class SettableClock {
    @Bean
    @Primary
    MutableClock settableClock() {
      return new MutableClock(DAY_ONE);
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired SmsOutbox outbox;
  @Autowired StatusCallbacks callbacks;
  @Autowired Accounts accounts;
  @Autowired MutableClock clock;
  @Autowired Clock serviceClock;

  @BeforeEach
  void emptyDatabaseAndFirstDay() {
    startupJobsDone();
    Tables.clear(jdbc);
    clock.set(DAY_ONE);
  }

  /**
   * Waits until the scheduler's own runs of the cost jobs, due when the service starts, are over:
   * the row is gone (emptied by an earlier test) or waits for its next interval. Otherwise a run
   * that started before the tables were emptied could check the test's rows beside the test.
   */
  private void startupJobsDone() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from scheduled_tasks where task_name like 'cost-%'"
                                + " and task_instance = 'recurring'"
                                + " and (picked or execution_time <= current_timestamp)")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  /** A US number no other test uses. */
  static PhoneNumber usNumber() {
    return new PhoneNumber("+1202555" + String.format("%04d", SEQUENCE.incrementAndGet()));
  }

  /** A one-segment message for {@code user}, queued now and due far later. */
  long queued(String user, MessageType type) {
    return queued(user, type, "Your battle result is in", usNumber());
  }

  long queued(String user, MessageType type, String body, PhoneNumber to) {
    var sms =
        OutgoingSms.of(
                "test:" + UUID.randomUUID(), to, type, body, user == null ? null : new UserId(user))
            .withSchedule(clock.instant().plus(Duration.ofDays(3650)), null);
    return outbox.enqueue(sms).messageId();
  }

  /** Twilio's status report for a message, with its price when given. */
  StatusCallbacks.Result report(long id, String status, String price, String errorCode) {
    return callbacks.apply(
        new StatusCallbacks.Report(
            "SM" + Long.toString(id) + "x".repeat(30 - Long.toString(id).length()),
            id,
            status,
            errorCode,
            price == null ? null : new BigDecimal(price),
            price == null ? null : "USD"));
  }

  MvcTestResult admin(String path) {
    return mvc.get().uri(path).header("X-Api-Key", TestKeys.ADMIN_KEY).exchange();
  }

  PlatformCalls platform() {
    return new PlatformCalls(mvc, accounts);
  }

  static void assertOk(MvcTestResult result) {
    assertThat(result).hasStatusOk();
  }
}
