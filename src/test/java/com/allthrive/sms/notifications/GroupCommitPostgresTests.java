package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.RequiresPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events taken in at the same moment commit in one transaction, and each gets the decisions it
 * would get alone. To gather a batch for certain, a first event waits on its key, which an open
 * transaction of the test holds, while the others queue behind it on the one committer; when the
 * test lets go, they are taken together. A daily budget of fourteen one-segment US texts; at most
 * twenty events wait.
 */
@RequiresPostgres
@AutoConfigureMockMvc
class GroupCommitPostgresTests extends PostgresIntakeBase {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sms.notifications.intake-committers", () -> "1");
    // the held event and the 20 that wait behind it
    registry.add("sms.notifications.intake-max-in-flight", () -> "21");
    registry.add("sms.costs.daily-budget", () -> "0.1162");
  }

  @Autowired MockMvcTester mvc;
  @Autowired Accounts accounts;
  @Autowired DataSource dataSource;
  @Autowired MeterRegistry meters;

  @Test
  void eventsCommittedTogetherKeepTheLimitsTheDebounceAndTheirKeys() throws Exception {
    var platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("ada", "+12015550161");
    platform.verifiedUser("bob", "+12015550162");
    List<Supplier<HttpResponse<String>>> events = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = "a" + i;
      events.add(() -> http.event("achievement.unlocked", achievement("ada", id)));
    }
    String dm1 = DirectMessageFixtures.dm("t1", "m1", "ada", "first", "bob");
    String dm2 = DirectMessageFixtures.dm("t1", "m2", "ada", "second", "bob");
    events.add(() -> http.event("direct_message.created", dm1));
    events.add(() -> http.event("direct_message.created", dm2));
    String same = achievement("bob", "once");
    events.add(() -> http.event("repeated-key", "achievement.unlocked", same));
    events.add(() -> http.event("repeated-key", "achievement.unlocked", same));
    String twice = achievement("bob", "twice");
    events.add(() -> http.event("achievement.unlocked", twice));
    events.add(() -> http.event("achievement.unlocked", twice));

    List<JsonNode> answers = together(events);

    List<String> ada = reasons(answers.subList(0, 12));
    assertThat(ada.stream().filter("eligible"::equals)).hasSize(10);
    assertThat(ada.stream().filter("rate_limited"::equals)).hasSize(2);
    assertThat(reasons(answers.subList(12, 14))).containsExactlyInAnyOrder("eligible", "debounced");
    assertThat(answers.get(14).get("event_id")).isEqualTo(answers.get(15).get("event_id"));
    assertThat(answers.get(14).at("/decisions/0/reason").asString()).isEqualTo("eligible");
    assertThat(count("sms_message where recipient_user_id = 'ada'")).isEqualTo(10);
    assertThat(reasons(answers.subList(16, 18))).containsExactlyInAnyOrder("eligible", "duplicate");
    assertThat(answers.get(16).at("/decisions/0/message_id"))
        .isEqualTo(answers.get(17).at("/decisions/0/message_id"));
    assertThat(count("sms_message where recipient_user_id = 'bob'")).isEqualTo(3);
    assertThat(count("platform_event where idempotency_key = 'repeated-key'")).isEqualTo(1);
  }

  @Test
  void eachEventOfABatchIsDecidedOnItsOwnRecipientsAccounts() throws Exception {
    var platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("fay", "+12015550168");
    platform.verifiedUser("gus", "+12015550169");
    platform.provision("hal", "+12015550170");

    List<JsonNode> answers =
        together(
            List.of(
                () -> http.event("achievement.unlocked", achievement("ghost", "g")),
                () -> http.event("achievement.unlocked", achievement("hal", "h")),
                () -> http.event("achievement.unlocked", achievement("fay", "f")),
                dmEvent("t20", "m20", "fay", "hello", "gus"),
                () -> http.event("security.password_changed", "{\"user_id\":\"gus\"}")));

    assertThat(reasons(answers))
        .containsExactly("unknown_recipient", "not_verified", "eligible", "eligible", "eligible");
    assertThat(count("sms_message where recipient_user_id = 'gus'")).isEqualTo(2);
    assertThat(count("sms_message where to_phone = '+12015550168'")).isEqualTo(1);
  }

  @Test
  void directMessagesOfSeveralThreadsInOneBatchAreDebouncedEachByItsOwnThread() throws Exception {
    var platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("cy", "+12015550163");
    platform.verifiedUser("di", "+12015550164");
    assertThat(reasonAlone(dmEvent("t9", "m9", "cy", "earlier", "di"))).isEqualTo("eligible");

    List<JsonNode> answers =
        together(
            List.of(
                dmEvent("t9", "m10", "cy", "again", "di"),
                dmEvent("t10", "m11", "cy", "other thread", "di"),
                dmEvent("t11", "m12", "di", "reply", "cy")));

    assertThat(reasons(answers)).containsExactly("debounced", "eligible", "eligible");
    assertThat(count("sms_message where recipient_user_id = 'di'")).isEqualTo(2);
    assertThat(count("sms_message where recipient_user_id = 'cy'")).isEqualTo(1);
  }

  @Test
  void invitationsInOneBatchKeepTheirLimitsAndTheHoldersPreferences() throws Exception {
    var platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("eve", "+12015550165");
    assertThat(
            mvc.patch()
                .uri("/api/v1/me/sms-preferences")
                .header("Authorization", "Bearer " + JwtFixtures.token("eve"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allow_sms_invitations\":false}"))
        .hasStatusOk();
    for (int i = 0; i < 3; i++) {
      String early = invitation("early-" + i, "i" + i, "+12015550166");
      assertThat(reasonAlone(() -> http.event("battle.invitation", early))).isEqualTo("eligible");
    }

    List<JsonNode> answers =
        together(
            List.<Supplier<HttpResponse<String>>>of(
                () -> http.event("battle.invitation", invitation("b1", "i4", "+12015550165")),
                () -> http.event("battle.invitation", invitation("b2", "i5", "+12015550166")),
                () -> http.event("battle.invitation", invitation("b3", "i6", "+12015550167"))));

    assertThat(reasons(answers)).containsExactly("category_off", "destination_limit", "eligible");
    assertThat(count("sms_message where to_phone = '+12015550165'")).isZero();
    assertThat(count("sms_message where to_phone = '+12015550166'")).isEqualTo(3);
    assertThat(count("sms_message where to_phone = '+12015550167'")).isEqualTo(1);
  }

  @Test
  void aBatchTheDailyCapWouldNotTakeWholeIsDecidedOneByOne() throws Exception {
    var platform = new PlatformCalls(mvc, accounts);
    for (int i = 0; i < 16; i++) {
      platform.verifiedUser("u" + i, "+120155502" + (10 + i));
    }
    for (int i = 0; i < 11; i++) {
      assertThat(platform.event("achievement.unlocked", achievement("u" + i, "x"))).hasStatus(202);
    }
    List<Supplier<HttpResponse<String>>> events = new ArrayList<>();
    for (int i = 11; i < 16; i++) {
      String user = "u" + i;
      events.add(() -> http.event("achievement.unlocked", achievement(user, "x")));
    }

    List<JsonNode> answers = together(events);

    assertThat(reasons(answers))
        .containsExactlyInAnyOrder(
            "eligible", "eligible", "eligible", "budget_exhausted", "budget_exhausted");
    assertThat(count("sms_message")).isEqualTo(14);
  }

  @Test
  void anEventBeyondWhatMayBeTakenInIsRefusedUnreadAndTakenWhenSentAgain() throws Exception {
    var platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser("ada", "+12015550161");
    List<Supplier<HttpResponse<String>>> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String user = "nobody" + i;
      events.add(() -> http.event("achievement.unlocked", achievement(user, "x")));
    }
    String late = achievement("ada", "late");
    List<HttpResponse<String>> refused = new ArrayList<>();

    List<JsonNode> answers =
        together(
            events,
            () -> {
              refused.add(http.event("late-key", "achievement.unlocked", late));
              return refused.add(http.event("unread-key", "achievement.unlocked", "{"));
            });

    assertThat(answers).hasSize(20);
    HttpResponse<String> busy = refused.get(0);
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(busy.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(busy.body()).get("code").asString()).isEqualTo("busy");
    assertThat(count("platform_event where idempotency_key = 'late-key'")).isZero();
    assertThat(refused.get(1).statusCode()).as("refused before its body is read").isEqualTo(503);
    assertThat(meters.get("sms.events.refused").counter().count()).isEqualTo(2);
    var again = http.event("late-key", "achievement.unlocked", late);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(again.body()).at("/decisions/0/reason").asString())
        .isEqualTo("eligible");
  }

  private List<JsonNode> together(List<Supplier<HttpResponse<String>>> events) throws Exception {
    return together(events, () -> true);
  }

  /**
   * Posts the events while a first event waits on a key the test holds, waits until all of them
   * queue for the committer, runs {@code meanwhile}, lets go, and returns their answers in order
   * (all of them 202).
   */
  private List<JsonNode> together(
      List<Supplier<HttpResponse<String>>> events, Callable<?> meanwhile) throws Exception {
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    Future<HttpResponse<String>> first;
    long held;
    try (Connection holder = HeldKey.hold(dataSource)) {
      first =
          pool.submit(
              () -> http.event(HeldKey.KEY, "achievement.unlocked", achievement("nobody", "x")));
      await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 0 && HeldKey.awaited(jdbc));
      events.forEach(e -> sent.add(pool.submit(e::get)));
      await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == events.size());
      long queued = System.nanoTime();
      pool.submit(meanwhile).get(20, TimeUnit.SECONDS);
      Thread.sleep(50);
      held = System.nanoTime() - queued;
      holder.rollback();
    }
    double before = meters.get("sms.events.batch").summary().max();
    assertThat(first.get().statusCode()).isEqualTo(202);
    List<JsonNode> answers = new ArrayList<>();
    for (var f : sent) {
      assertThat(f.get().statusCode()).isEqualTo(202);
      answers.add(JSON.readTree(f.get().body()));
    }
    assertThat(Math.max(before, meters.get("sms.events.batch").summary().max()))
        .as("the waiting events were committed together")
        .isGreaterThanOrEqualTo(events.size() - 1);
    assertThat(meters.get("sms.events.wait").timer().max(TimeUnit.NANOSECONDS))
        .as("the time the queued events waited for their transaction is measured")
        .isGreaterThanOrEqualTo(held);
    assertThat(meters.get("sms.events.commit").timer().max(TimeUnit.NANOSECONDS))
        .as("the held event's transaction lasted as long as the key was held")
        .isGreaterThanOrEqualTo(held);
    return answers;
  }

  private double waiting() {
    return HeldKey.waiting(meters);
  }

  private long count(String from) {
    return jdbc.sql("select count(*) from " + from).query(Long.class).single();
  }

  private static List<String> reasons(List<JsonNode> answers) {
    return answers.stream().map(a -> a.at("/decisions/0/reason").asString()).toList();
  }

  /** The reason of the first decision of an event posted alone. */
  private static String reasonAlone(Supplier<HttpResponse<String>> event) {
    return JSON.readTree(event.get().body()).at("/decisions/0/reason").asString();
  }

  private Supplier<HttpResponse<String>> dmEvent(
      String thread, String id, String from, String text, String to) {
    return () ->
        http.event("direct_message.created", DirectMessageFixtures.dm(thread, id, from, text, to));
  }

  private static String invitation(String id, String inviter, String to) {
    return "{\"invitation_id\":\""
        + id
        + "\",\"inviter_id\":\""
        + inviter
        + "\",\"inviter_name\":\"Ada\",\"to_phone\":\""
        + to
        + "\",\"battle_topic\":\"Haiku\","
        + "\"invitation_link\":\"https://allthrive.ai/battles/invite/abc\"}";
  }

  private static String achievement(String user, String id) {
    return "{\"user_id\":\""
        + user
        + "\",\"achievement_id\":\""
        + id
        + "\",\"achievement_name\":\"X\",\"points\":1}";
  }
}
