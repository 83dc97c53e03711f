import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop HTTP load on phone verification: provisions distinct users, then every user asks
 * for a code and every user verifies it, each phase with a fixed number of concurrent clients.
 * Prints requests/s and latency percentiles per endpoint. Runs as a single-file program (java
 * VerificationLoad.java); uses virtual threads when the JDK has them. Bounded: every phase sends
 * exactly one request per user and stops.
 *
 * <p>Arguments (key=value): base, users, warmup, concurrency, platformKey, jwtSecret, code, run.
 */
public class VerificationLoad {

  private static final String[] AREAS = {"202", "212", "415", "617", "312", "305", "206", "503"};

  private final HttpClient http;
  private final String base;
  private final String platformKey;
  private final byte[] jwtSecret;
  private final String code;
  private final String run;
  private final int concurrency;
  private final String servicePid;

  VerificationLoad(String base, String platformKey, String jwtSecret, String code, String run, int concurrency,
      String servicePid) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    this.platformKey = platformKey;
    this.jwtSecret = jwtSecret.getBytes(StandardCharsets.UTF_8);
    this.code = code;
    this.run = run;
    this.concurrency = concurrency;
    this.servicePid = servicePid;
  }

  public static void main(String[] args) throws Exception {
    var a = new java.util.HashMap<String, String>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int users = Integer.parseInt(a.getOrDefault("users", "20000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "3000"));
    var load = new VerificationLoad(a.getOrDefault("base", "http://localhost:18181"),
        a.get("platformKey"), a.get("jwtSecret"), a.getOrDefault("code", "246810"),
        a.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36)),
        Integer.parseInt(a.getOrDefault("concurrency", "32")), a.get("servicePid"));
    System.out.printf("threads: %s, concurrency %d, %d users (+%d warm-up)%n",
        Runtime.version().feature() >= 21 ? "virtual" : "platform", load.concurrency, users, warmup);
    load.cycle("w", warmup, false);
    load.cycle("u", users, true);
  }

  private void cycle(String prefix, int users, boolean report) throws Exception {
    String[] tokens = new String[users];
    for (int i = 0; i < users; i++) {
      tokens[i] = jwt(id(prefix, i));
    }
    Result provision = phase(users, i -> put("/api/v1/platform/users/" + id(prefix, i),
        "{\"username\":\"" + id(prefix, i) + "\",\"timezone\":\"America/New_York\"}"));
    Result request = phase(users, i -> post("/api/v1/users/phone/request-verification", tokens[i],
        "{\"phone_number\":\"" + number(prefix, i) + "\"}", i));
    Result verify = phase(users, i -> post("/api/v1/users/phone/verify", tokens[i],
        "{\"code\":\"" + code + "\"}", i));
    if (report) {
      System.out.printf("%-46s %9s %7s %9s %8s %8s %8s %8s %8s %8s%n", "endpoint", "requests", "errors", "req/s",
          "p50 ms", "p99 ms", "max ms", "svc cpu", "db cpu", "gen cpu");
      provision.print("PUT /api/v1/platform/users/{id}");
      request.print("POST /api/v1/users/phone/request-verification");
      verify.print("POST /api/v1/users/phone/verify");
    }
  }

  private String id(String prefix, int i) {
    return "bench-" + run + "-" + prefix + i;
  }

  /** A distinct valid US number per user and phase. */
  private static String number(String prefix, int i) {
    int n = i * 2 + (prefix.equals("w") ? 0 : 1);
    int rest = n / AREAS.length;
    return String.format(Locale.ROOT, "+1%s%03d%04d", AREAS[n % AREAS.length], 200 + (rest / 10_000) % 800, rest % 10_000);
  }

  private Result phase(int count, IntFunction<HttpRequest> request) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    ExecutorService virtual = virtualThreads();
    ExecutorService workers = virtual != null ? virtual : Executors.newFixedThreadPool(concurrency);
    long cpuBefore = serviceCpuMillis();
    long dbBefore = postgresCpuMillis();
    long ownBefore = ownCpuMillis();
    long start = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      workers.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          try {
            int status = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies[i] = System.nanoTime() - t0;
        }
      });
    }
    workers.shutdown();
    if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("phase did not finish");
    }
    long elapsed = System.nanoTime() - start;
    double cpu = cpuBefore < 0 ? -1 : (double) (serviceCpuMillis() - cpuBefore) / count;
    double db = (double) (postgresCpuMillis() - dbBefore) / count;
    double own = (double) (ownCpuMillis() - ownBefore) / count;
    return new Result(latencies, errors.get(), elapsed, cpu, db, own);
  }

  private static long ownCpuMillis() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : 0;
  }

  /** CPU time of all PostgreSQL server processes (Linux /proc): the database's share of the work. */
  private static long postgresCpuMillis() {
    long total = 0;
    try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      for (var dir : (Iterable<java.nio.file.Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          total += Math.max(0, cpuMillis(name, "postgres"));
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return total;
  }

  /** CPU time the service process has used so far (Linux /proc), or -1 when unknown. */
  private long serviceCpuMillis() {
    return servicePid == null ? -1 : cpuMillis(servicePid, null);
  }

  /** utime + stime of a process from /proc/PID/stat (100 ticks a second), -1 when unreadable. */
  private static long cpuMillis(String pid, String requiredName) {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
      if (requiredName != null && !stat.contains("(" + requiredName + ")")) {
        return -1;
      }
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    } catch (Exception e) {
      return -1;
    }
  }

  private HttpRequest put(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("X-Api-Key", platformKey).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  /** A user's request; X-Forwarded-For gives each user their own client address, as a proxy would. */
  private HttpRequest post(String path, String token, String json, int user) {
    String ip = "198." + (18 + ((user >> 16) & 1)) + "." + ((user >> 8) & 255) + "." + (user & 255);
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("X-Forwarded-For", ip).header("User-Agent", "VerificationLoad/1.0")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private String jwt(String subject) throws Exception {
    long now = Instant.now().getEpochSecond();
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String claims = b64("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(jwtSecret, "HmacSHA256"));
    byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ExecutorService virtualThreads() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** One phase: latencies, failures, wall time and the service's CPU milliseconds per request. */
  record Result(long[] latencies, long errors, long elapsedNanos, double cpuPerRequest, double dbPerRequest,
      double clientPerRequest) {
    void print(String name) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      double perSecond = sorted.length / (elapsedNanos / 1e9);
      System.out.printf(Locale.ROOT, "%-46s %9d %7d %9.0f %8.1f %8.1f %8.1f %8.2f %8.2f %8.2f%n", name,
          sorted.length, errors, perSecond, ms(sorted, 0.50), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
          cpuPerRequest, dbPerRequest, clientPerRequest);
    }

    private static double ms(long[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
  }
}
