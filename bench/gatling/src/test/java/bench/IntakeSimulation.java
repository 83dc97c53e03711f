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
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load of bench/intake.sh: {@code target} (bare, dm or achievement), each request with a fresh
 * Idempotency-Key. Settings come as system properties: base, key, target, rate, seconds, users
 * (seeded users u1..uN), phases and out. Events go at {@code rate} per second in the open model
 * through the consecutive {@code phases} of one run ({@link Phases}: a warm-up rising from a tenth
 * of the rate, then the measured phase), so that the service compiles its paths before it is asked
 * for everything and the measured phase meets a warm load generator. With {@code clients} above 0
 * (the bare insert) the run is a closed loop of that many clients for {@code seconds} instead, each
 * sending its next request when the answer arrives: its throughput is the most the endpoint can
 * take, without the queue an open load past that point builds up. {@code bare-open} sends the bare
 * insert in the open model and phases of the events instead: what one row insert costs at their rate.
 */
public class IntakeSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://localhost:18281");
  static final String KEY = System.getProperty("key", "bench-platform-key");
  static final String TARGET = System.getProperty("target", "dm");
  static final int RATE = Integer.getInteger("rate", 2000);
  static final int SECONDS = Integer.getInteger("seconds", 30);
  static final int USERS = Integer.getInteger("users", 20000);
  static final int CLIENTS = Integer.getInteger("clients", 0);
  static final AtomicLong SEQUENCE = new AtomicLong();

  HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .contentTypeHeader("application/json")
          .header("X-Api-Key", KEY)
          .shareConnections();

  Iterator<Map<String, Object>> feeder =
      Stream.generate(
              () -> {
                Phases.Phase phase = CLIENTS > 0 ? null : Phases.now();
                long n = SEQUENCE.incrementAndGet();
                int user = 1 + ThreadLocalRandom.current().nextInt(USERS);
                int sender = 1 + ThreadLocalRandom.current().nextInt(USERS);
                return phase == null
                    ? Map.<String, Object>of("n", n)
                    : Map.<String, Object>of(
                        "key", UUID.randomUUID().toString(), "n", n, "user", user, "sender", sender,
                        "phase", phase.name(), "phaseRef", phase);
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
      case "bare-open" ->
          scenario("bare insert, open load")
              .feed(feeder)
              .exec(
                  http("#{phase}")
                      .post("/bench/bare-insert")
                      .body(StringBody("{\"n\":#{n}}"))
                      .check(status().is(200), responseTimeInMillis().saveAs("rt")))
              .exec(Phases::record);
      case "achievement" ->
          scenario("achievement.unlocked")
              .feed(feeder)
              .exec(
                  http("#{phase}")
                      .post("/api/v1/events")
                      .header("Idempotency-Key", "#{key}")
                      .body(
                          StringBody(
                              "{\"type\":\"achievement.unlocked\",\"data\":{\"user_id\":\"u#{user}\","
                                  + "\"achievement_id\":\"a#{n}\",\"achievement_name\":\"Streak\","
                                  + "\"points\":10}}"))
                      .check(status().is(202), responseTimeInMillis().saveAs("rt")))
              .exec(Phases::record);
      default ->
          scenario("direct_message.created")
              .feed(feeder)
              .exec(
                  http("#{phase}")
                      .post("/api/v1/events")
                      .header("Idempotency-Key", "#{key}")
                      .body(
                          StringBody(
                              "{\"type\":\"direct_message.created\",\"data\":{\"thread_id\":\"t#{n}\","
                                  + "\"message_id\":\"m#{n}\",\"sender_id\":\"u#{sender}\","
                                  + "\"sender_name\":\"Ada\",\"recipient_ids\":[\"u#{user}\"],"
                                  + "\"message_preview\":\"Are you joining the battle tonight?\","
                                  + "\"thread_url\":\"https://allthrive.ai/messages/t#{n}\"}}"))
                      .check(status().is(202), responseTimeInMillis().saveAs("rt")))
              .exec(Phases::record);
    };
  }

  {
    ScenarioBuilder scenario = build();
    var population =
        CLIENTS > 0
            ? scenario.injectClosed(constantConcurrentUsers(CLIENTS).during(SECONDS))
            : scenario.injectOpen(Phases.load(RATE));
    setUp(population)
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lte(100.0));
  }

  @Override
  public void after() {
    if (CLIENTS == 0) {
      Phases.finish();
    }
  }
}
