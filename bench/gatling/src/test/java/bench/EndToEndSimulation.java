package bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load of bench/end-to-end.sh. Two modes (system property {@code mode}):
 *
 * <ul>
 *   <li>{@code invitations}: {@code battle.invitation} events at a constant {@code rate} per second
 *       (open model), each with its own invitation id, inviter and destination number, so that no
 *       per-inviter or per-number limit trips. The run is cut into consecutive {@code phases}
 *       ({@code name:seconds,...}, {@link Phases}).
 *   <li>{@code bare}: {@code POST /bench/bare-insert} by {@code clients} clients in a closed loop
 *       for {@code seconds}: the ceiling of one HTTP request plus one insert (a closed loop
 *       saturates the service without piling up connections as an open model beyond capacity does).
 * </ul>
 *
 * Other properties: base, key, out (folder of markers and phases.txt), run (a prefix that keeps ids
 * distinct across runs).
 */
public class EndToEndSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://localhost:18340");
  static final String KEY = System.getProperty("key", "bench-platform-key");
  static final String MODE = System.getProperty("mode", "invitations");
  static final int RATE = Integer.getInteger("rate", 300);
  static final int CLIENTS = Integer.getInteger("clients", 32);
  static final int SECONDS = Integer.getInteger("seconds", 30);
  static final String RUN = System.getProperty("run", "r");
  static final AtomicLong SEQUENCE = new AtomicLong();

  Iterator<Map<String, Object>> invitations =
      Stream.generate(
              () -> {
                Phases.Phase phase = Phases.now();
                long n = SEQUENCE.incrementAndGet();
                return Map.<String, Object>of(
                    "key",
                    UUID.randomUUID().toString(),
                    "n",
                    n,
                    "phone",
                    2_000_000 + n % 8_000_000,
                    "phase",
                    phase.name(),
                    "phaseRef",
                    phase);
              })
          .iterator();

  ScenarioBuilder invitationScenario() {
    return scenario("battle.invitation")
        .feed(invitations)
        .exec(
            http("#{phase}")
                .post("/api/v1/events")
                .header("Idempotency-Key", "#{key}")
                .body(
                    StringBody(
                        "{\"type\":\"battle.invitation\",\"data\":{\"invitation_id\":\""
                            + RUN
                            + "-#{n}\",\"inviter_id\":\"inviter-"
                            + RUN
                            + "-#{n}\",\"inviter_name\":\"Ada\",\"to_phone\":\"+1202#{phone}\","
                            + "\"battle_topic\":\"Write a haiku about autumn\","
                            + "\"invitation_link\":\"https://allthrive.ai/battles/b#{n}\"}}"))
                .check(status().is(202), responseTimeInMillis().saveAs("rt")))
        .exec(Phases::record);
  }

  ScenarioBuilder bareScenario() {
    return scenario("bare insert")
        .exec(
            http("bare insert")
                .post("/bench/bare-insert")
                .body(StringBody("{\"n\":1}"))
                .check(status().is(200)));
  }

  {
    var protocol =
        http.baseUrl(BASE)
            .contentTypeHeader("application/json")
            .header("X-Api-Key", KEY)
            .shareConnections();
    if (MODE.equals("bare")) {
      setUp(bareScenario().injectClosed(constantConcurrentUsers(CLIENTS).during(SECONDS)))
          .protocols(protocol);
    } else {
      setUp(invitationScenario().injectOpen(Phases.load(RATE)))
          .protocols(protocol)
          .assertions(global().failedRequests().percent().lte(100.0));
    }
  }

  @Override
  public void after() {
    if (!MODE.equals("bare")) {
      Phases.finish();
    }
  }
}
