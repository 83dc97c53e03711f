package com.allthrive.sms.faults;

import com.allthrive.sms.support.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every fault scenario runs against: a fresh PostgreSQL schema, the fake provider, a Redis
 * server of its own (never the shared one on 6379), and service processes on that schema. The
 * processes are tuned so that faults play out within a test: short heartbeats (a killed instance's
 * executions are taken over after about 10 s), short retry backoffs, a 5 s provider read timeout
 * and a 10 s grace before a lost send is sent again.
 */
final class FaultCluster implements AutoCloseable {

  final FaultSizes sizes = FaultSizes.fromSystemProperties();
  final String schema = TestDatabases.freshPostgresSchema();
  final String applicationName = "faults_" + schema;
  final FaultOutbox outbox = new FaultOutbox(TestDatabases.PG_URL + "?currentSchema=" + schema);
  final FakeProvider provider;
  final OwnRedis redis;
  private final List<ServiceProcess> started = new ArrayList<>();

  FaultCluster() throws IOException {
    provider = new FakeProvider(Duration.ofMillis(sizes.latencyMillis()), Duration.ofSeconds(8));
    redis = new OwnRedis(freePort());
  }

  /**
   * Starts instances with these names at once and waits until each answers. The cluster's first
   * instance starts ahead of time, the others plainly: both ways of running production share the
   * database and Redis.
   */
  List<ServiceProcess> start(String... names) throws IOException {
    List<ServiceProcess> processes = new ArrayList<>();
    for (String name : names) {
      boolean aheadOfTime = started.isEmpty() && processes.isEmpty();
      processes.add(
          ServiceProcess.start(name, freePort(), aheadOfTime, environment(), arguments()));
    }
    started.addAll(processes);
    processes.forEach(ServiceProcess::awaitUp);
    return processes;
  }

  private Map<String, String> environment() {
    return Map.ofEntries(
        Map.entry("SPRING_PROFILES_ACTIVE", "prod"),
        Map.entry(
            "SPRING_DATASOURCE_URL",
            TestDatabases.PG_URL
                + "?currentSchema="
                + schema
                + "&ApplicationName="
                + applicationName),
        Map.entry("SPRING_DATASOURCE_USERNAME", "postgres"),
        Map.entry("REDIS_URL", "redis://127.0.0.1:" + redis.port()),
        Map.entry("FRONTEND_URL", "https://allthrive.example"),
        Map.entry("SMS_PROVIDER", "twilio"),
        Map.entry("TWILIO_ACCOUNT_SID", TwilioJson.ACCOUNT),
        Map.entry("TWILIO_AUTH_TOKEN", "faults-auth-token"),
        Map.entry("TWILIO_PHONE_NUMBER", "+15005550006"),
        Map.entry("TWILIO_API_BASE_URL", provider.baseUrl()),
        Map.entry("SMS_SECRET_KEY", "faults-secret-key-of-at-least-32-characters"),
        Map.entry("JWT_SECRET", "faults-jwt-secret-of-at-least-32-bytes-long"),
        Map.entry("PLATFORM_API_KEY", ServiceProcess.PLATFORM_KEY),
        Map.entry("ADMIN_API_KEY", ServiceProcess.ADMIN_KEY),
        Map.entry("SMS_DISPATCH_THREADS", Integer.toString(sizes.threads())),
        Map.entry(
            "DB_POOL_SIZE", Integer.toString(Math.min(20, Math.max(8, sizes.threads() / 5)))));
  }

  private List<String> arguments() {
    return List.of(
        "--spring.flyway.schemas=" + schema,
        "--spring.flyway.default-schema=" + schema,
        "--db-scheduler.heartbeat-interval=2s",
        "--db-scheduler.missed-heartbeats-limit=5",
        "--db-scheduler.polling-interval=1s",
        "--sms.delivery.retry-base-delay=1s",
        "--sms.delivery.retry-max-delay=4s",
        "--sms.delivery.unknown-outcome-recheck=1s",
        "--sms.delivery.unknown-outcome-grace=10s",
        "--sms.delivery.twilio.connect-timeout=1s",
        "--sms.delivery.twilio.read-timeout=5s",
        // each instance's breaker opens after 10 failed sends of its own (of the last 20), so that
        // the outage scenario opens both within a few seconds of the provider failing
        "--sms.delivery.breaker.minimum-calls=10",
        "--sms.delivery.breaker.window=20",
        "--logging.level.com.allthrive.sms.delivery=WARN");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    for (ServiceProcess process : started) {
      if (process.alive()) {
        process.kill();
      }
    }
    redis.close();
    provider.close();
  }
}
