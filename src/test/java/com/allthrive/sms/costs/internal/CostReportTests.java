package com.allthrive.sms.costs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The daily report, cost per user and prices, on either database. */
abstract class CostReportTests extends CostsTestSupport {

  static final LocalDate DAY = LocalDate.parse("2026-03-10");
  static final String DAILY = "/api/v1/admin/costs/daily?from=2026-03-10&to=2026-03-10";

  @Autowired DailyReport report;

  static void settings(DynamicPropertyRegistry registry) {
    registry.add("sms.costs.daily-budget", () -> "1000");
    registry.add("sms.costs.prices.CA", () -> "0.0091");
    registry.add("sms.notifications.segment-budgets.battle-result", () -> "1");
  }

  @Test
  void sumsManySmallPricesExactly() throws Exception {
    for (int i = 0; i < 5; i++) {
      report(queued("ada", MessageType.BATTLE_RESULT), "delivered", "0.0079", null);
    }
    for (int i = 0; i < 45; i++) {
      report(queued("bob", MessageType.DIRECT_MESSAGE), "delivered", "0.0079", null);
    }

    var today = admin(DAILY);

    assertThat(today).hasStatusOk();
    assertThat(today)
        .bodyJson()
        .extractingPath("$.rows[0].message_type")
        .isEqualTo("battle_result");
    assertThat(today).bodyJson().extractingPath("$.rows[0].actual_cost").isEqualTo(0.0395);
    assertThat(today).bodyJson().extractingPath("$.rows[0].estimated_cost").isEqualTo(0.0415);
    assertThat(today).bodyJson().extractingPath("$.rows[1].actual_cost").isEqualTo(0.3555);
    assertThat(today).bodyJson().extractingPath("$.rows[1].messages").isEqualTo(45);
    assertThat(today).bodyJson().extractingPath("$.rows[1].delivered").isEqualTo(45);
    assertThat(today).bodyJson().extractingPath("$.rows[1].live").isEqualTo(true);
    assertThat(today.getResponse().getContentAsString()).contains("\"actual_cost\":0.0395");
  }

  @Test
  void pricesEachSegmentByTheDestinationsCountry() {
    queued("ada", MessageType.BATTLE_RESULT, "x".repeat(200), usNumber());
    queued(
        "ada",
        MessageType.BATTLE_RESULT,
        "Hi",
        new com.allthrive.sms.shared.PhoneNumber("+14165550199"));

    var rows = report.compute(DAY);

    assertThat(rows)
        .extracting(r -> r.country() + " " + r.segments() + " " + r.estimatedCost().toPlainString())
        .containsExactlyInAnyOrder("US 2 0.0166", "CA 1 0.0091");
  }

  @Test
  void recordsAndCountsAPriceThatComesWithoutAStatusChange() {
    long id = queued("ada", MessageType.ACHIEVEMENT_UNLOCK);
    report(id, "delivered", null, null);
    BigDecimal spentBefore = spent();

    var late = report(id, "delivered", "0.0079", null);

    assertThat(late)
        .isEqualTo(com.allthrive.sms.delivery.internal.StatusCallbacks.Result.UNCHANGED);
    assertThat(price(id)).isEqualByComparingTo("0.0079");
    assertThat(spentBefore).isEqualByComparingTo("0.0083");
    assertThat(spent()).isEqualByComparingTo("0.0079");
    assertThat(report.compute(DAY).get(0).actualCost()).isEqualByComparingTo("0.0079");
    report(id, "delivered", "0.0079", null);
    assertThat(spent()).isEqualByComparingTo("0.0079");
  }

  @Test
  void theReportJobReplacesADayWhenRunAgainAndKeepsTodayLive() {
    long first = queued("ada", MessageType.DIRECT_MESSAGE);
    queued("ada", MessageType.DIRECT_MESSAGE);
    clock.set(Instant.parse("2026-03-11T01:00:00Z"));
    report.store(DAY);
    report(first, "delivered", "0.0079", null);
    queued("bob", MessageType.BATTLE_RESULT);

    int rerun = report.store(DAY);
    var both = admin("/api/v1/admin/costs/daily?from=2026-03-10&to=2026-03-11");

    assertThat(rerun).isEqualTo(1);
    assertThat(storedRows(DAY)).isEqualTo(1);
    assertThat(both)
        .bodyJson()
        .extractingPath("$.rows[*].day")
        .isEqualTo(List.of("2026-03-10", "2026-03-11"));
    assertThat(both).bodyJson().extractingPath("$.rows[0].messages").isEqualTo(2);
    assertThat(both).bodyJson().extractingPath("$.rows[0].actual_cost").isEqualTo(0.0079);
    assertThat(both).bodyJson().extractingPath("$.rows[0].cost").isEqualTo(0.0162);
    assertThat(both).bodyJson().extractingPath("$.rows[0].live").isEqualTo(false);
    assertThat(both).bodyJson().extractingPath("$.rows[1].live").isEqualTo(true);
  }

  @Test
  void listsCostPerUserMostExpensiveFirstInPages() {
    for (int i = 0; i < 3; i++) {
      queued("ada", MessageType.DIRECT_MESSAGE);
    }
    queued("bob", MessageType.DIRECT_MESSAGE);
    report(queued("cy", MessageType.DIRECT_MESSAGE), "delivered", "0.0200", null);
    queued(null, MessageType.BATTLE_INVITATION);

    var first = admin("/api/v1/admin/costs/users?from=2026-03-10&to=2026-03-10&size=2");
    var second = admin("/api/v1/admin/costs/users?from=2026-03-10&to=2026-03-10&size=2&page=1");

    assertThat(first)
        .bodyJson()
        .extractingPath("$.items[*].user_id")
        .isEqualTo(List.of("ada", "cy"));
    assertThat(first).bodyJson().extractingPath("$.items[0].cost").isEqualTo(0.0249);
    assertThat(first).bodyJson().extractingPath("$.items[1].cost").isEqualTo(0.02);
    assertThat(first).bodyJson().extractingPath("$.total").isEqualTo(3);
    assertThat(second).bodyJson().extractingPath("$.items[*].user_id").isEqualTo(List.of("bob"));
  }

  @Test
  void showsTheSegmentsSavedBySmartEncodingAndByTrimming() {
    platform().verifiedUser("ada", usNumber().e164());
    platform().verifiedUser("bob", usNumber().e164());
    String name = "It\u2019s \u201cdone\u201d \u2013 the long road to a first real win";
    String topic = "\uD83C\uDF27".repeat(50);

    platform()
        .event(
            "achievement.unlocked",
            "{\"user_id\":\"ada\",\"achievement_id\":\"a1\",\"achievement_name\":\""
                + name
                + "\",\"points\":5}");
    platform()
        .event(
            "battle.completed",
            "{\"battle_id\":\"b1\",\"battle_topic\":\""
                + topic
                + "\",\"battle_url\":\"https://allthrive.ai/battles/b1\",\"participants\":"
                + "[{\"user_id\":\"ada\",\"username\":\"ada\"},{\"user_id\":\"bob\",\"username\":\"bob\"}],"
                + "\"winner_id\":\"ada\",\"tie\":false}");
    var rows = report.compute(DAY);

    var achievement =
        jdbc.sql(
                "select body, segments, encoding from sms_message"
                    + " where message_type = 'achievement_unlock'")
            .query()
            .singleRow();
    assertThat(achievement.get("body").toString())
        .startsWith("Achievement Unlocked: It's \"done\" - the long road");
    assertThat(achievement.get("segments")).isEqualTo(1);
    assertThat(achievement.get("encoding")).isEqualTo("GSM-7");
    assertThat(rows)
        .extracting(r -> r.messageType() + " " + r.savedByEncoding() + " " + r.savedByTrimming())
        .containsExactlyInAnyOrder("achievement_unlock 2 0", "battle_result 0 4");
    assertThat(
            jdbc.sql("select body from sms_message where message_type = 'battle_result'")
                .query(String.class)
                .list())
        .allMatch(b -> b.contains("Topic: ...\nView results: https://allthrive.ai/battles/b1"));
  }

  @Test
  void refusesBadPeriodsWithAProblem() {
    for (String query :
        List.of(
            "daily?from=yesterday",
            "daily?from=2026-03-11&to=2026-03-10",
            "daily?from=2024-01-01&to=2026-03-10",
            "users?size=0",
            "users?page=x")) {
      var result = admin("/api/v1/admin/costs/" + query);

      assertThat(result)
          .as(query)
          .hasStatus(400)
          .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_filter");
    }
    assertThat(mvc.get().uri("/api/v1/admin/costs/daily").exchange()).hasStatus(401);
  }

  BigDecimal spent() {
    return jdbc.sql("select spent from spend_day").query(BigDecimal.class).single();
  }

  BigDecimal price(long id) {
    return jdbc.sql("select price from sms_message where id = :id")
        .param("id", id)
        .query(BigDecimal.class)
        .single();
  }

  int storedRows(LocalDate day) {
    return jdbc.sql("select count(*) from cost_daily where report_day = :day")
        .param("day", day)
        .query(Integer.class)
        .single();
  }
}
