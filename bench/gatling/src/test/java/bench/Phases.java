package bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One Gatling run cut into consecutive phases ({@code name:seconds,...}, system property {@code
 * phases}); a request belongs to the phase in which it starts. When a phase starts, the file {@code
 * markers/<name>} is written under {@code out}, holding the CPU ns this JVM has used so far (the
 * script samples CPU and counters then); at the end, {@code markers/end}, and one line per phase in {@code phases.txt}: name, seconds, ok, failed,
 * p50, p99 and max latency in ms of the successful answers. One run for warm-up and measurement, so
 * that the measured phase does not begin with a cold load generator, new connections and a JVM
 * starting on the same cores.
 */
final class Phases {

  /** A slice of the run with its own latency histogram (1 ms buckets up to 2 minutes). */
  record Phase(String name, int seconds, long endsAfterMillis, AtomicLongArray histogram) {
    static final int BUCKETS = 120_001;
  }

  static final Path OUT = Path.of(System.getProperty("out", "target/e2e"));
  static final List<Phase> PHASES = parse(System.getProperty("phases", "warmup:30,steady:120"));
  private static final Map<String, Phase> STARTED = new LinkedHashMap<>();
  private static long startNanos;

  private Phases() {}

  private static List<Phase> parse(String spec) {
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

  /** The phase a request starting now belongs to; marks it when it is the first. */
  static synchronized Phase now() {
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

  /** Counts the answer in its phase's histogram (session attributes phaseRef and rt). */
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

  /**
   * {@code rate} per second throughout; a first phase named {@code warmup} ramps up from a tenth
   * to half of it instead and holds half, so that the service compiles its hot paths before it is
   * asked for the full rate and the measured phases do not start behind a backlog of the warm-up:
   * the JIT's compiler threads need a core of their own, and a warm-up that already fills both
   * cores starves them, so that the measured phase still runs partly interpreted. The warm-up's
   * last third (30 s at most) already runs at the full rate: the first seconds at a rate the
   * service has not seen before are not its steady state (the JIT compiles for the larger batches,
   * the sends that could not go at once wait for the poller), and they belong to the warm-up.
   */
  static OpenInjectionStep[] load(int rate) {
    long total = PHASES.get(PHASES.size() - 1).endsAfterMillis() / 1000;
    Phase first = PHASES.get(0);
    if (!first.name().equals("warmup") || PHASES.size() == 1) {
      return new OpenInjectionStep[] {constantUsersPerSec(rate).during(total)};
    }
    int hold = Math.min(30, first.seconds() / 3);
    int rise = (first.seconds() - hold) / 2;
    int half = Math.max(1, rate / 2);
    return new OpenInjectionStep[] {
      rampUsersPerSec(Math.max(1, rate / 10)).to(half).during(rise),
      constantUsersPerSec(half).during(first.seconds() - hold - rise),
      constantUsersPerSec(rate).during(total - first.seconds() + hold)
    };
  }

  /** Marks the end and writes {@code phases.txt}. */
  static void finish() {
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

  /** The CPU this load generator's JVM has used so far, in ns. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void mark(String name) {
    try {
      Files.createDirectories(OUT.resolve("markers"));
      Files.writeString(OUT.resolve("markers").resolve(name), Long.toString(cpuNanos()));
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
