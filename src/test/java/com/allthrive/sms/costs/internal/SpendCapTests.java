package com.allthrive.sms.costs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.JwtFixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily spend cap and its reserve, exact under concurrent events: every text here is one US
 * segment at $0.0083, the budget holds ten of them and the reserve three more.
 */
abstract class SpendCapTests extends CostsTestSupport {

  static final int EVENTS = 50;
  static final JsonMapper JSON = JsonMapper.builder().build();

  static void settings(DynamicPropertyRegistry registry) {
    registry.add("sms.costs.daily-budget", () -> "0.083");
    registry.add("sms.costs.daily-reserve", () -> "0.0249");
  }

  @Test
  void holdsTheCapAndLeavesTheReserveToSecurityAlertsAndCodes() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      users.add("cap-" + i);
      platform().verifiedUser("cap-" + i, usNumber().e164());
    }

    var achievements =
        concurrently(
            i ->
                platform()
                    .event(
                        "achievement.unlocked",
                        "{\"user_id\":\""
                            + users.get(i)
                            + "\",\"achievement_id\":\"a1\",\"achievement_name\":\"X\",\"points\":1}"));
    var firstCode = requestCode("cap-code-1");
    var alerts =
        concurrently(
            i ->
                platform()
                    .event("security.password_changed", "{\"user_id\":\"" + users.get(i) + "\"}"));
    var secondCode = requestCode("cap-code-2");

    assertThat(outcomes(achievements)).isEqualTo(Map.of("eligible", 10L, "budget_exhausted", 40L));
    assertThat(firstCode).hasStatus(202);
    assertThat(outcomes(alerts)).isEqualTo(Map.of("eligible", 2L, "budget_exhausted", 48L));
    assertThat(secondCode).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(secondCode).bodyJson().extractingPath("$.code").isEqualTo("budget_exhausted");
    assertThat(secondCode.getResponse().getHeader("Retry-After")).isNotNull();
    assertThat(messages()).isEqualTo(13);
    assertThat(jdbc.sql("select spent from spend_day").query(BigDecimal.class).single())
        .isEqualByComparingTo("0.1079");
  }

  @Test
  void recordsEachRefusalAsABudgetExhaustedDecision() {
    platform().verifiedUser("cap-dec", usNumber().e164());
    jdbc.sql("insert into spend_day (spend_date, spent) values (:day, 0.083)")
        .param("day", java.time.LocalDate.parse("2026-03-10"))
        .update();

    var result =
        platform()
            .event(
                "achievement.unlocked",
                "{\"user_id\":\"cap-dec\",\"achievement_id\":\"a9\",\"achievement_name\":\"X\",\"points\":1}");
    var decisions = admin("/api/v1/admin/decisions?reason=budget_exhausted");

    assertThat(result).bodyJson().extractingPath("$.decisions[0].outcome").isEqualTo("skipped");
    assertThat(result).bodyJson().extractingPath("$.decisions[0].message_id").isNull();
    assertThat(decisions).bodyJson().extractingPath("$.total").isEqualTo(1);
    assertThat(messages()).isZero();
  }

  MvcTestResult requestCode(String user) {
    String number = usNumber().e164();
    platform().provision(user, number);
    return mvc.post()
        .uri("/api/v1/users/phone/request-verification")
        .header("Authorization", "Bearer " + JwtFixtures.token(user))
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"phone_number\":\"" + number + "\"}")
        .exchange();
  }

  int messages() {
    return jdbc.sql("select count(*) from sms_message").query(Integer.class).single();
  }

  static List<MvcTestResult> concurrently(IntFunction<MvcTestResult> call) throws Exception {
    var pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<MvcTestResult>> calls = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        int n = i;
        calls.add(pool.submit((Callable<MvcTestResult>) () -> call.apply(n)));
      }
      List<MvcTestResult> results = new ArrayList<>();
      for (Future<MvcTestResult> c : calls) {
        results.add(c.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  static Map<String, Long> outcomes(List<MvcTestResult> results) throws Exception {
    List<String> reasons = new ArrayList<>();
    for (MvcTestResult r : results) {
      assertThat(r).hasStatus(202);
      reasons.add(
          JSON.readTree(r.getResponse().getContentAsString()).at("/decisions/0/reason").asString());
    }
    return reasons.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
  }
}
