package com.allthrive.sms.notifications;

import static com.allthrive.sms.notifications.DirectMessageFixtures.dm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.presence.Presence;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.MutableClock;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.PlatformHttp;
import com.allthrive.sms.support.PresenceClient;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Direct-message texts: who gets one, its exact words, and who is skipped and why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DirectMessagesTests.Clocks.class)
abstract class DirectMessagesTests {

  static final FakeTwilio twilio = FakeTwilio.shared();
  static final AtomicInteger NUMBERS = new AtomicInteger(200);

  /** Bob's number, new in each test, so a late send of an earlier test cannot count. */
  String bob;

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    Clock mutableClock() {
      return new MutableClock(Instant.parse("2026-03-10T15:20:00Z"));
    }
  }

  @DynamicPropertySource
  static void twilio(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> "https://sms.example.com");
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Presence presence;
  @Autowired Clock clock;
  @LocalServerPort int port;

  @BeforeEach
  void reset() {
    Tables.clear(jdbc);
    twilio.reset();
    ((MutableClock) clock).set(Instant.parse("2026-03-10T15:20:00Z"));
    bob = "+1201555" + String.format("%04d", NUMBERS.incrementAndGet());
  }

  @Test
  void textsAnOfflineRecipientThroughTwilioWithThePreviewCutAtFiftyCodePoints() {
    verifiedUser("bob", bob);
    String preview = "a".repeat(49) + "\uD83D\uDE00\uD83D\uDE00 and more";

    var answer = event(dm("t1", "m1", "ada", preview, "bob"));

    assertThat(answer).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    await().atMost(Duration.ofSeconds(20)).until(() -> twilio.created(bob).size() == 1);
    assertThat(twilio.created(bob).get(0).body())
        .isEqualTo(
            "Ada Lovelace sent you a message: \""
                + "a".repeat(49)
                + "\uD83D\uDE00...\"\n\nReply: https://allthrive.ai/messages/t1");
  }

  @Test
  void sendsAPreviewWithCurlyQuotesAndAnEnDashAsOneGsm7Segment() {
    verifiedUser("bob", bob);

    event(dm("t1", "m1", "ada", "It\u2019s \u201cdone\u201d \u2013 see you", "bob"));

    assertThat(bodies())
        .containsExactly(
            "Ada Lovelace sent you a message: \"It's \"done\" - see you\"\n\n"
                + "Reply: https://allthrive.ai/messages/t1");
    assertThat(
            jdbc.sql("select segments || ' ' || encoding from sms_message where to_phone = :to")
                .param("to", bob)
                .query(String.class)
                .single())
        .isEqualTo("1 GSM-7");
  }

  @Test
  void cleansThePreviewOfLineBreaksAndControlCharacters() {
    verifiedUser("bob", bob);

    event(dm("t1", "m1", "ada", "Hi\nthere\t\u0007\u2028  friend", "bob"));

    assertThat(bodies())
        .containsExactly(
            "Ada Lovelace sent you a message: \"Hi there friend\"\n\n"
                + "Reply: https://allthrive.ai/messages/t1");
  }

  @Test
  void skipsARecipientWithAnOpenSocket() throws Exception {
    verifiedUser("bob", bob);
    var socket = PresenceClient.open(port, JwtFixtures.token("bob"));
    await().atMost(Duration.ofSeconds(5)).until(() -> presence.isOnline(new UserId("bob")));

    var answer = event(dm("t1", "m1", "ada", "hello", "bob"));

    assertThat(answer)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("recipient_online");
    assertThat(bodies()).isEmpty();
    socket.close();
  }

  @Test
  void skipsARecipientThePlatformReportsOnlineUntilItReportsThemOffline() {
    verifiedUser("bob", bob);

    heartbeat("bob", true);
    var whileOnline = event(dm("t1", "m1", "ada", "hello", "bob"));
    heartbeat("bob", false);
    var afterwards = event(dm("t1", "m2", "ada", "still there?", "bob"));

    assertThat(whileOnline)
        .bodyJson()
        .extractingPath("$.decisions[0].reason")
        .isEqualTo("recipient_online");
    assertThat(afterwards).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(bodies()).singleElement().asString().contains("still there?");
  }

  @Test
  void textsOncePerThreadAndRecipientInFiveMinutes() {
    verifiedUser("bob", bob);

    var first = event(dm("t1", "m1", "ada", "one", "bob"));
    var second = event(dm("t1", "m2", "ada", "two", "bob"));
    var otherThread = event(dm("t2", "m3", "ada", "three", "bob"));
    ((MutableClock) clock).advance(Duration.ofMinutes(5));
    var later = event(dm("t1", "m4", "ada", "four", "bob"));

    assertThat(first).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(second).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("debounced");
    assertThat(otherThread).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(later).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("queued");
    assertThat(bodies()).hasSize(3).noneMatch(b -> b.contains("\"two\""));
  }

  @Test
  void concurrentEventsOfOneThreadGiveExactlyOneText() throws Exception {
    verifiedUser("bob", bob);
    var http = new PlatformHttp(port);
    List<Callable<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String body = dm("t1", "m" + i, "ada", "message " + i, "bob");
      posts.add(() -> http.event("direct_message.created", body).statusCode());
    }

    var pool = Executors.newFixedThreadPool(8);
    try {
      for (var f : pool.invokeAll(posts)) {
        assertThat(f.get()).isEqualTo(202);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(reasons())
        .containsExactlyInAnyOrder(
            "eligible",
            "debounced",
            "debounced",
            "debounced",
            "debounced",
            "debounced",
            "debounced",
            "debounced");
    await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(status()));
    assertThat(twilio.sendsTo(bob)).hasSize(1);
  }

  @Test
  void sendsNothingWhenDirectMessagesAreSwitchedOff() {
    verifiedUser("bob", bob);
    patchPreferences("bob", "{\"allow_sms_dm_notifications\":false}");

    var answer = event(dm("t1", "m1", "ada", "hello", "bob"));

    assertThat(answer).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("category_off");
    assertThat(bodies()).isEmpty();
  }

  @Test
  void sendsNothingToAnUnverifiedNumberNorToTheSender() {
    new PlatformCalls(mvc, accounts).provision("bob", bob);
    verifiedUser("ada", "+12015550141");

    var answer = event(dm("t1", "m1", "ada", "hello", "ada", "bob"));

    assertThat(answer).bodyJson().extractingPath("$.decisions[0].reason").isEqualTo("own_message");
    assertThat(answer).bodyJson().extractingPath("$.decisions[1].reason").isEqualTo("not_verified");
    assertThat(bodies()).isEmpty();
  }

  @Test
  void refusesAnEventWithoutRecipients() {
    var answer = event(dm("t1", "m1", "ada", "hello").replace("\"recipient_ids\":[]", "\"x\":1"));

    assertThat(answer).hasStatus(400);
    assertThat(answer).bodyJson().extractingPath("$.field").isEqualTo("data.recipient_ids");
    assertThat(jdbc.sql("select count(*) from platform_event").query(Long.class).single()).isZero();
  }

  MvcTestResult event(String data) {
    return new PlatformCalls(mvc, accounts).event("direct_message.created", data);
  }

  void heartbeat(String user, boolean online) {
    assertThat(
            mvc.put()
                .uri("/api/v1/platform/presence/" + user)
                .header("X-Api-Key", TestKeys.PLATFORM_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"online\":" + online + "}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.online")
        .isEqualTo(online);
  }

  void verifiedUser(String id, String phone) {
    new PlatformCalls(mvc, accounts).verifiedUser(id, phone);
  }

  void patchPreferences(String user, String body) {
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .hasStatusOk();
  }

  List<String> bodies() {
    return jdbc.sql("select body from sms_message order by id").query(String.class).list();
  }

  List<String> reasons() {
    return jdbc.sql("select reason from notification_decision").query(String.class).list();
  }

  String status() {
    return jdbc.sql("select status from sms_message").query(String.class).optional().orElse(null);
  }
}
