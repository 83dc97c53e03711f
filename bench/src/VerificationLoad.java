import java.net.URI;
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
 * VerificationLoad.java); each client is a thread with its own keep-alive connection
 * (a small HTTP/1.1 client, so that the generator takes little of the CPU). Bounded: every phase sends
 * exactly one request per user and stops.
 *
 * <p>Arguments (key=value): base, users, warmup, concurrency, platformKey, jwtSecret, code, run,
 * servicePid, afterWarmup (a shell command run between the warm-up and the measured phases).
 */
public class VerificationLoad {

  private static final String[] AREAS = {"202", "212", "415", "617", "312", "305", "206", "503"};

  private final String host;
  private final int port;
  private final String platformKey;
  private final byte[] jwtSecret;
  private final String code;
  private final String run;
  private final int concurrency;
  private final String servicePid;

  VerificationLoad(String base, String platformKey, String jwtSecret, String code, String run, int concurrency,
      String servicePid) {
    URI uri = URI.create(base);
    this.host = uri.getHost();
    this.port = uri.getPort();
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
    System.out.printf("concurrency %d (one keep-alive connection each), %d users (+%d warm-up)%n",
        load.concurrency, users, warmup);
    load.cycle("w", warmup, false);
    String settle = a.get("afterWarmup");
    if (settle != null && !settle.isBlank()) {
      // e.g. a database checkpoint, so that the measured phases do not pay for the warm-up's writes
      new ProcessBuilder("sh", "-c", settle).inheritIO().start().waitFor();
    }
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

  private Result phase(int count, IntFunction<Request> request) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    long cpuBefore = serviceCpuMillis();
    long dbBefore = postgresCpuMillis();
    long ownBefore = ownCpuMillis();
    long start = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      workers.submit(() -> {
        try (var connection = new Http1(host, port)) {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            Request r = request.apply(i);
            long t0 = System.nanoTime();
            try {
              if (connection.exchange(r.method(), r.path(), r.headers(), r.body()) >= 300) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            latencies[i] = System.nanoTime() - t0;
          }
        }
        return null;
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

  /** One request, built before its clock starts. */
  record Request(String method, String path, String headers, byte[] body) {}

  private Request put(String path, String json) {
    return new Request("PUT", path, "X-Api-Key: " + platformKey + "\r\nContent-Type: application/json\r\n",
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** A user's request; X-Forwarded-For gives each user their own client address, as a proxy would. */
  private Request post(String path, String token, String json, int user) {
    String ip = "198." + (18 + ((user >> 16) & 1)) + "." + ((user >> 8) & 255) + "." + (user & 255);
    return new Request("POST", path, "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
        + "X-Forwarded-For: " + ip + "\r\nUser-Agent: VerificationLoad/1.0\r\n", json.getBytes(StandardCharsets.UTF_8));
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

  /**
   * A minimal HTTP/1.1 client on one keep-alive connection: writes a request, reads the status,
   * the headers and the body (Content-Length or chunked), and reconnects when the server closes.
   */
  static final class Http1 implements AutoCloseable {
    private final String host;
    private final int port;
    private java.net.Socket socket;
    private java.io.InputStream in;
    private java.io.OutputStream out;

    Http1(String host, int port) {
      this.host = host;
      this.port = port;
    }

    int exchange(String method, String path, String headers, byte[] body) throws java.io.IOException {
      if (socket == null) {
        socket = new java.net.Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16_384);
      }
      String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headers
          + "Content-Length: " + body.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String status = line();
      if (status == null) {
        close();
        throw new java.io.EOFException("connection closed");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = 0;
      boolean chunked = false;
      boolean closes = false;
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closes = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          skip(size);
          line();
        }
        line();
      } else {
        skip(length);
      }
      if (closes) {
        close();
      }
      return code;
    }

    private String line() throws java.io.IOException {
      var b = new StringBuilder();
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n') {
          int n = b.length();
          return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
        }
        b.append((char) c);
      }
      return b.length() == 0 ? null : b.toString();
    }

    private void skip(long n) throws java.io.IOException {
      while (n > 0) {
        long skipped = in.skip(n);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new java.io.EOFException("body cut short");
          }
          skipped = 1;
        }
        n -= skipped;
      }
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (java.io.IOException ignored) {
          // closing anyway
        }
        socket = null;
      }
    }
  }
}
