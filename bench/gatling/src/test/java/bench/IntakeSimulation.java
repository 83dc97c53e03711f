package bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One phase of bench/intake.sh: {@code target} (bare, dm or achievement) at a constant {@code rate}
 * per second for {@code seconds}, each request with a fresh Idempotency-Key. Settings come as
 * system properties: base, key, target, rate, seconds, users (seeded users u1..uN). With {@code
 * clients} above 0 the phase is a closed loop of that many clients instead, each sending its next
 * request when the answer arrives: its throughput is the most the endpoint can take, without the
 * queue an open load past that point builds up. With {@code ramp} (the warm-ups) the open load rises
 * from a tenth of the rate to the rate, so that the service compiles its paths before it is asked
 * for everything; a cold start at full rate left a backlog that spilled into the measured phase.
 */
public class IntakeSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://localhost:18281");
  static final String KEY = System.getProperty("key", "bench-platform-key");
  static final String TARGET = System.getProperty("target", "dm");
  static final int RATE = Integer.getInteger("rate", 2000);
  static final int SECONDS = Integer.getInteger("seconds", 30);
  static final int USERS = Integer.getInteger("users", 20000);
  static final int CLIENTS = Integer.getInteger("clients", 0);
  static final boolean RAMP = Boolean.getBoolean("ramp");
  static final AtomicLong SEQUENCE = new AtomicLong();

  HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .contentTypeHeader("application/json")
          .header("X-Api-Key", KEY)
          .shareConnections();

  Iterator<Map<String, Object>> feeder =
      Stream.generate(
              () -> {
                long n = SEQUENCE.incrementAndGet();
                int user = 1 + ThreadLocalRandom.current().nextInt(USERS);
                int sender = 1 + ThreadLocalRandom.current().nextInt(USERS);
                return Map.<String, Object>of(
                    "key", UUID.randomUUID().toString(), "n", n, "user", user, "sender", sender);
              })
          .iterator();

  ScenarioBuilder build() {
    return switch (TARGET) {
      case "bare" ->
          scenario("bare insert")
              .feed(feeder)
              .exec(
                  http("bare insert")
                      .post("/bench/bare-insert")
                      .body(StringBody("{\"n\":#{n}}"))
                      .check(status().is(200)));
      case "achievement" ->
          scenario("achievement.unlocked")
              .feed(feeder)
              .exec(
                  http("achievement.unlocked")
                      .post("/api/v1/events")
                      .header("Idempotency-Key", "#{key}")
                      .body(
                          StringBody(
                              "{\"type\":\"achievement.unlocked\",\"data\":{\"user_id\":\"u#{user}\","
                                  + "\"achievement_id\":\"a#{n}\",\"achievement_name\":\"Streak\","
                                  + "\"points\":10}}"))
                      .check(status().is(202)));
      default ->
          scenario("direct_message.created")
              .feed(feeder)
              .exec(
                  http("direct_message.created")
                      .post("/api/v1/events")
                      .header("Idempotency-Key", "#{key}")
                      .body(
                          StringBody(
                              "{\"type\":\"direct_message.created\",\"data\":{\"thread_id\":\"t#{n}\","
                                  + "\"message_id\":\"m#{n}\",\"sender_id\":\"u#{sender}\","
                                  + "\"sender_name\":\"Ada\",\"recipient_ids\":[\"u#{user}\"],"
                                  + "\"message_preview\":\"Are you joining the battle tonight?\","
                                  + "\"thread_url\":\"https://allthrive.ai/messages/t#{n}\"}}"))
                      .check(status().is(202)));
    };
  }

  {
    ScenarioBuilder scenario = build();
    var population =
        CLIENTS > 0
            ? scenario.injectClosed(constantConcurrentUsers(CLIENTS).during(SECONDS))
            : RAMP
                ? scenario.injectOpen(rampUsersPerSec(Math.max(1, RATE / 10)).to(RATE).during(SECONDS))
                : scenario.injectOpen(constantUsersPerSec(RATE).during(SECONDS));
    setUp(population)
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lte(100.0));
  }
}
