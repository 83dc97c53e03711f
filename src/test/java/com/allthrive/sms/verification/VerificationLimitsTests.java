package com.allthrive.sms.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.WindowCounter;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every limit on sending codes answers with its own problem code; 429s carry Retry-After. GB is
 * allowed here too, so that a GB landline is refused for not taking texts, not for its country.
 */
@SpringBootTest(properties = "sms.verification.allowed-countries=US,CA,GB")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(VerificationTestConfiguration.class)
class VerificationLimitsTests {

  private static final AtomicInteger DAYS = new AtomicInteger();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired WindowCounter counter;
  @Autowired RecordingCodeGenerator codes;

  VerificationClient client;

  @BeforeEach
  void startOfAFreshDay() {
    client = new VerificationClient(mvc, json);
    clock.set(VerificationTestConfiguration.START.plus(Duration.ofDays(DAYS.incrementAndGet())));
  }

  @Test
  void theResendCooldownDoublesWithEachCode() {
    String user = client.newUser();
    List<Long> cooldowns = new ArrayList<>();

    for (int i = 0; i < 4; i++) {
      Instant now = clock.instant();
      var sent = client.request(user, VerificationClient.newNumber());
      Instant resend = Instant.parse(client.body(sent).get("resend_available_at").asString());
      cooldowns.add(Duration.between(now, resend).toSeconds());
      clock.set(resend.minusSeconds(1));
      assertLimited(client.request(user, VerificationClient.newNumber()), "resend_cooldown", "1");
      clock.set(resend);
    }

    assertThat(cooldowns).containsExactly(30L, 60L, 120L, 240L);
  }

  @Test
  void theCooldownStartsOverAfterAQuietHour() {
    String user = client.newUser();
    client.request(user, VerificationClient.newNumber());
    clock.advance(Duration.ofSeconds(30));
    client.request(user, VerificationClient.newNumber());

    clock.advance(Duration.ofHours(1));
    Instant now = clock.instant();
    var sent = client.request(user, VerificationClient.newNumber());

    assertThat(Instant.parse(client.body(sent).get("resend_available_at").asString()))
        .isEqualTo(now.plusSeconds(30));
  }

  @Test
  void aNumberGetsAtMostFiveCodesAnHour() {
    String number = VerificationClient.newNumber();
    for (int i = 0; i < 5; i++) {
      assertThat(client.request(client.newUser(), number)).hasStatus(202);
    }
    clock.advance(Duration.ofMinutes(20));

    assertLimited(client.request(client.newUser(), number), "number_hourly_limit", "2400");
    clock.advance(Duration.ofMinutes(40));
    assertThat(client.request(client.newUser(), number)).hasStatus(202);
  }

  @Test
  void aUserGetsAtMostTenCodesADay() {
    String user = client.newUser();
    for (int i = 0; i < 10; i++) {
      var sent = client.request(user, VerificationClient.newNumber());
      assertThat(sent).hasStatus(202);
      clock.set(Instant.parse(client.body(sent).get("resend_available_at").asString()));
    }

    var eleventh = client.request(user, VerificationClient.newNumber());

    assertThat(eleventh).hasStatus(429);
    assertThat(client.body(eleventh).get("code").asString()).isEqualTo("user_daily_limit");
    long toMidnight = Duration.between(clock.instant(), startOfNextDay()).toSeconds();
    assertThat(eleventh).hasHeader("Retry-After", Long.toString(toMidnight));
  }

  @Test
  void anIpAddressGetsAtMostTheConfiguredNumberOfCodes() {
    String ip = "198.51.100.7";
    for (int i = 0; i < 20; i++) {
      assertThat(client.request(client.newUser(), VerificationClient.newNumber(), ip))
          .hasStatus(202);
    }

    assertLimited(
        client.request(client.newUser(), VerificationClient.newNumber(), ip), "ip_limit", "3600");
    assertThat(client.request(client.newUser(), VerificationClient.newNumber(), "198.51.100.8"))
        .hasStatus(202);
  }

  @Test
  void aRequestRefusedByALaterLimitGivesBackTheSlotsItTook() {
    String number = VerificationClient.newNumber();
    for (int i = 0; i < 5; i++) {
      client.request(client.newUser(), number);
    }
    String ip = VerificationClient.newIp();
    String user = client.newUser();

    for (int i = 0; i < 3; i++) {
      assertLimited(client.request(user, number, ip), "number_hourly_limit", "3600");
    }

    assertThat(counter.count("verification:ip:" + ip, Duration.ofHours(1))).isZero();
    assertThat(counter.count("verification:number:" + number, Duration.ofHours(1))).isEqualTo(5);
    assertThat(client.body(client.account(user)).get("phone_number").isNull()).isTrue();
  }

  @Test
  void refusedNumbersTakeNoSlots() {
    String user = client.newUser();
    String ip = VerificationClient.newIp();

    var tollFree = client.request(user, "+18005550199", ip);
    var landline = client.request(user, "+442079460000", ip);
    var germany = client.request(user, "+4915112345678", ip);
    var jamaica = client.request(user, "+18765550123", ip);
    var garbage = client.request(user, "not a number", ip);

    assertProblem(tollFree, 400, "invalid_phone_number");
    assertProblem(landline, 400, "invalid_phone_number");
    assertProblem(germany, 400, "country_not_allowed");
    assertProblem(jamaica, 400, "country_not_allowed");
    assertProblem(garbage, 400, "invalid_phone_number");
    assertThat(counter.count("verification:ip:" + ip, Duration.ofHours(1))).isZero();
    assertThat(counter.count("verification:user:" + user, Duration.ofDays(1))).isZero();
    assertThat(client.request(user, "+447911123456", ip)).hasStatus(400);
    assertThat(client.request(user, "+16135550142", ip)).hasStatus(202);
  }

  @Test
  void askingAgainForTheNumberAlreadyVerifiedIsAConflict() {
    String user = client.newUser();
    String number = VerificationClient.newNumber();
    client.request(user, number);
    client.verify(user, codes.last());
    clock.advance(Duration.ofMinutes(1));

    var again = client.request(user, number);

    assertProblem(again, 409, "already_verified");
  }

  private Instant startOfNextDay() {
    long day = Duration.ofDays(1).toSeconds();
    long now = clock.instant().getEpochSecond();
    return Instant.ofEpochSecond(now - Math.floorMod(now, day) + day);
  }

  private void assertLimited(MvcTestResult result, String code, String retryAfter) {
    assertProblem(result, 429, code);
    assertThat(result).hasHeader("Retry-After", retryAfter);
    assertThat(client.body(result).get("retry_after_seconds").asString()).isEqualTo(retryAfter);
  }

  private void assertProblem(MvcTestResult result, int status, String code) {
    assertThat(result).hasStatus(status).hasContentType("application/problem+json");
    assertThat(client.body(result).get("code").asString()).isEqualTo(code);
  }
}
