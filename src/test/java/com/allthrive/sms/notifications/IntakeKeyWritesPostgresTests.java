package com.allthrive.sms.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.RequiresPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event's idempotency key is written once, with its answer, in its transaction's last statement:
 * never claimed first and updated later. A trigger of the test records every update of {@code
 * platform_event}. A key taken before, sent again beside new ones, still answers its first answer,
 * and the new events are decided once each.
 */
@RequiresPostgres
class IntakeKeyWritesPostgresTests extends PostgresIntakeBase {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    // a context of its own: no batch of another test class has found a key taken before
    registry.add("sms.notifications.intake-batch", () -> "63");
  }

  @BeforeEach
  void recordUpdates() {
    jdbc.sql("create table if not exists test_event_update (idempotency_key varchar(200))")
        .update();
    jdbc.sql("delete from test_event_update").update();
    jdbc.sql(
            """
            create or replace function test_record_event_update() returns trigger as $$
            begin
              insert into test_event_update values (old.idempotency_key);
              return new;
            end $$ language plpgsql""")
        .update();
    jdbc.sql(
            "create or replace trigger test_event_update before update on platform_event"
                + " for each row execute function test_record_event_update()")
        .update();
  }

  @AfterEach
  void dropTrigger() {
    jdbc.sql("drop trigger if exists test_event_update on platform_event").update();
    jdbc.sql("drop function if exists test_record_event_update()").update();
    jdbc.sql("drop table if exists test_event_update").update();
  }

  @Test
  void aKeyIsWrittenOnceWithItsAnswerAndATakenKeyStillReplays() throws Exception {
    List<JsonNode> first = postTogether(List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"));

    assertThat(count("test_event_update")).as("no key updated after its insert").isZero();
    assertThat(count("platform_event where response is not null")).isEqualTo(8);
    assertThat(first).allSatisfy(a -> assertThat(a.get("decisions")).hasSize(1));

    List<JsonNode> again = postTogether(List.of("k3", "n1", "n2", "n3", "n4"));

    assertThat(again.get(0).get("event_id")).isEqualTo(first.get(2).get("event_id"));
    assertThat(again.get(0).get("decisions")).isEqualTo(first.get(2).get("decisions"));
    assertThat(count("platform_event")).isEqualTo(12);
    assertThat(count("notification_decision"))
        .as("one decision for each event, none left by a transaction that found k3 taken")
        .isEqualTo(12);
    for (JsonNode answer : again.subList(1, 5)) {
      String id = answer.get("event_id").asString();
      assertThat(count("notification_decision where event_id = '" + id + "'")).isOne();
    }
  }

  /** Posts one achievement event per key at once; the answers in the keys' order, all 202. */
  private List<JsonNode> postTogether(List<String> keys) throws Exception {
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    for (String key : keys) {
      sent.add(pool.submit(() -> http.event(key, "achievement.unlocked", achievement(key))));
    }
    List<JsonNode> answers = new ArrayList<>();
    for (var answer : sent) {
      assertThat(answer.get().statusCode()).isEqualTo(202);
      answers.add(JSON.readTree(answer.get().body()));
    }
    return answers;
  }

  private long count(String from) {
    return jdbc.sql("select count(*) from " + from).query(Long.class).single();
  }

  private static String achievement(String key) {
    return "{\"user_id\":\"nobody-"
        + key
        + "\",\"achievement_id\":\"x\",\"achievement_name\":\"X\",\"points\":1}";
  }
}
