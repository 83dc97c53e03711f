package bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Load of bench/end-to-end.sh. Two modes (system property {@code mode}):
 *
 * <ul>
 *   <li>{@code invitations}: {@code battle.invitation} events at a constant {@code rate} per second
 *       (open model), each with its own invitation id, inviter and destination number, so that no
 *       per-inviter or per-number limit trips. The run is cut into consecutive {@code phases}
 *       ({@code name:seconds,...}); a request belongs to the phase in which it starts. When a phase
 *       starts, the file {@code markers/<name>} is written (the script samples CPU and counters
 *       then); at the end, {@code markers/end}, and one line per phase in {@code phases.txt}: name,
 *       seconds, ok, failed, p50, p99 and max latency in ms of the successful answers.
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
  static final Path OUT = Path.of(System.getProperty("out", "target/e2e"));
  static final List<Phase> PHASES = phases(System.getProperty("phases", "warmup:30,steady:120"));
  static final AtomicLong SEQUENCE = new AtomicLong();
  static volatile long startNanos;

  /** A slice of the run with its own latency histogram (1 ms buckets up to 2 minutes). */
  record Phase(String name, int seconds, long endsAfterMillis, AtomicLongArray histogram) {
    static final int BUCKETS = 120_001;
  }

  static List<Phase> phases(String spec) {
    List<Phase> phases = new ArrayList<>();
    long end = 0;
    for (String part : spec.split(",")) {
      String[] nameAndSeconds = part.split(":");
      int seconds = Integer.parseInt(nameAndSeconds[1]);
      end += seconds * 1000L;
      phases.add(
          new Phase(nameAndSeconds[0], seconds, end, new AtomicLongArray(Phase.BUCKETS + 1)));
    }
    return phases;
  }

  static final Map<String, Phase> STARTED = new LinkedHashMap<>();

  static synchronized Phase phaseNow() {
    long now = System.nanoTime();
    if (startNanos == 0) {
      startNanos = now;
    }
    long elapsed = (now - startNanos) / 1_000_000;
    Phase phase = PHASES.get(PHASES.size() - 1);
    for (Phase p : PHASES) {
      if (elapsed < p.endsAfterMillis()) {
        phase = p;
        break;
      }
    }
    if (STARTED.putIfAbsent(phase.name(), phase) == null) {
      mark(phase.name());
    }
    return phase;
  }

  static void mark(String name) {
    try {
      Files.createDirectories(OUT.resolve("markers"));
      Files.writeString(OUT.resolve("markers").resolve(name), Long.toString(System.nanoTime()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Session record(Session session) {
    Phase phase = (Phase) session.get("phaseRef");
    if (session.isFailed() || !session.contains("rt")) {
      phase.histogram().incrementAndGet(Phase.BUCKETS); // the last slot counts failures
    } else {
      int rt = (int) Math.min(session.getLong("rt"), Phase.BUCKETS - 1);
      phase.histogram().incrementAndGet(rt);
    }
    return session.markAsSucceeded();
  }

  Iterator<Map<String, Object>> invitations =
      Stream.generate(
              () -> {
                Phase phase = phaseNow();
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
        .exec(EndToEndSimulation::record);
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
      setUp(invitationScenario().injectOpen(load()))
          .protocols(protocol)
          .assertions(global().failedRequests().percent().lte(100.0));
    }
  }

  /**
   * {@code rate} per second throughout; a first phase named {@code warmup} ramps up to it from a
   * tenth instead, so that the service compiles its hot paths before it is asked for the full rate
   * and the measured phases do not start behind a backlog of the warm-up. The warm-up's last third
   * (30 s at most) already runs at the full rate: the first seconds at a rate the service has not
   * seen before are not its steady state (the JIT compiles for the larger batches, the sends that
   * could not go at once wait for the poller), and they belong to the warm-up.
   */
  static OpenInjectionStep[] load() {
    long total = PHASES.get(PHASES.size() - 1).endsAfterMillis() / 1000;
    Phase first = PHASES.get(0);
    if (!first.name().equals("warmup") || PHASES.size() == 1) {
      return new OpenInjectionStep[] {constantUsersPerSec(RATE).during(total)};
    }
    int hold = Math.min(30, first.seconds() / 3);
    return new OpenInjectionStep[] {
      rampUsersPerSec(Math.max(1, RATE / 10)).to(RATE).during(first.seconds() - hold),
      constantUsersPerSec(RATE).during(total - first.seconds() + hold)
    };
  }

  @Override
  public void after() {
    if (MODE.equals("bare")) {
      return;
    }
    mark("end");
    StringBuilder lines = new StringBuilder();
    for (Phase phase : PHASES) {
      lines.append(summary(phase)).append('\n');
    }
    try {
      Files.writeString(OUT.resolve("phases.txt"), lines.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String summary(Phase phase) {
    AtomicLongArray h = phase.histogram();
    long ok = 0;
    for (int i = 0; i < Phase.BUCKETS; i++) {
      ok += h.get(i);
    }
    long p50 = -1, p99 = -1, max = -1, seen = 0;
    for (int i = 0; i < Phase.BUCKETS; i++) {
      long c = h.get(i);
      if (c == 0) {
        continue;
      }
      seen += c;
      if (p50 < 0 && seen * 100 >= ok * 50) {
        p50 = i;
      }
      if (p99 < 0 && seen * 100 >= ok * 99) {
        p99 = i;
      }
      max = i;
    }
    return String.join(
        " ",
        phase.name(),
        Integer.toString(phase.seconds()),
        Long.toString(ok),
        Long.toString(h.get(Phase.BUCKETS)),
        Long.toString(p50),
        Long.toString(p99),
        Long.toString(max));
  }
}
