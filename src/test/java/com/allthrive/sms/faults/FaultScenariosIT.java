package com.allthrive.sms.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.faults.FakeProvider.Fault;
import com.allthrive.sms.support.RequiresPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults played against the packaged jar running as real processes (two instances on one fresh
 * schema, the first started ahead of time as README's "Faster start" runs it, the other plainly)
 * and a fake Twilio that answers after a set latency and counts what it takes per message. The
 * scenarios share the instances to keep the suite short, so they run in order: the provider-side
 * faults first, then the graceful stop of one instance and the kill of another.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {

  private FaultCluster cluster;
  private ServiceProcess a;
  private ServiceProcess b;
  private int n;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = new FaultCluster();
    n = cluster.sizes.messages();
    List<ServiceProcess> both = cluster.start("A", "B");
    a = both.get(0);
    b = both.get(1);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(0)
  void oneInstanceRunsAheadOfTimeTheOtherPlainly() throws Exception {
    assertThat(a.startedAheadOfTime()).isTrue();
    assertThat(b.startedAheadOfTime()).isFalse();
  }

  @Test
  @Order(1)
  void redisDownDegradesPresenceOnly() throws Exception {
    cluster.outbox.users("rd", 205, 3, 1);
    var events = new PlatformEvents();
    assertThat(a.put("/api/v1/platform/presence/rd-u1", "{\"online\":true}").status())
        .isBetween(200, 204);
    assertThat(
            events.post(a, "rd-dm-1", PlatformEvents.directMessage("t1", "rd-u2", "rd-u1")).body())
        .contains("recipient_online");

    cluster.redis.kill();
    try {
      degradedPresence(events);
    } finally {
      cluster.redis.start();
    }
    await("presence up again")
        .atMost(Duration.ofSeconds(60))
        .until(() -> a.health("components/presence/status").equals("UP"));
  }

  private void degradedPresence(PlatformEvents events) throws Exception {
    await("presence down in health")
        .atMost(Duration.ofSeconds(60))
        .until(() -> a.health("components/presence/status").equals("DOWN"));
    var texted = events.post(b, "rd-dm-2", PlatformEvents.directMessage("t2", "rd-u3", "rd-u1"));
    cluster.outbox.queue("rd", 205, n, 4);
    Tally tally = settled("rd");

    tally.report("Redis down");
    assertThat(texted.body()).contains("\"outcome\":\"queued\"");
    tally.assertExactlyOnce(n + 1);
    assertThat(a.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void postgresConnectionsEndedDuringLoad() throws Exception {
    cluster.outbox.queue("pg", 203, n, 1);
    var events = new PlatformEvents();
    long start = cluster.provider.ledger().taken();
    var platform =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 1; i <= n / 4; i++) {
                String user = "pg-u" + i;
                events.post(i % 2 == 0 ? a : b, "pg-" + i, PlatformEvents.achievement(user));
              }
            });
    int ended = 0;
    for (int step = 1; step <= 3; step++) {
      long mark = start + (long) step * n / 4;
      await().atMost(Duration.ofMinutes(2)).until(() -> cluster.provider.ledger().taken() >= mark);
      ended += cluster.outbox.terminateConnections(cluster.applicationName);
    }
    platform.get(3, TimeUnit.MINUTES);
    Tally tally = settled("pg");

    tally.report("PostgreSQL connections ended 3 times (" + ended + " connections)");
    Map<Integer, Long> statuses = new TreeMap<>();
    events.answers().forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
    Machine.report("FAULTS   API answers during the fault: " + statuses);
    assertThat(ended).isPositive();
    assertThat(events.answers())
        .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(0, 202, 503))
        .filteredOn(r -> r.status() == 503)
        .allSatisfy(r -> assertThat(r.body()).contains("database_unavailable"));
    tally.assertExactlyOnce(n + n / 4);
    assertThat(a.health("components/db/status")).isEqualTo("UP");
  }

  @Test
  @Order(3)
  void providerOutageHoldsMessagesUntilRecovery() throws Exception {
    int refusedBefore = cluster.provider.ledger().refused();
    int posted = 0;
    try {
      cluster.provider.fault(Fault.ERROR);
      cluster.outbox.queue("po", 208, n, 1);
      for (ServiceProcess instance : List.of(a, b)) {
        posted += failUntilOpen(instance, posted);
      }
      Machine.hold(cluster.sizes.outage().dividedBy(2));
      cluster.provider.fault(Fault.HANG);
      Machine.hold(cluster.sizes.outage().dividedBy(2));
    } finally {
      cluster.provider.fault(Fault.NONE);
    }
    Tally tally = settled("po");

    tally.report("Provider outage of " + cluster.sizes.outage().toSeconds() + " s");
    int futile = cluster.provider.ledger().refused() - refusedBefore;
    Map<Integer, Integer> attempts = new TreeMap<>();
    cluster.outbox.rows("po").forEach(r -> attempts.merge(r.attempts(), 1, Integer::sum));
    Machine.report(
        "FAULTS   futile send requests during the outage: "
            + futile
            + "; recorded attempts per message: "
            + attempts);
    tally.assertExactlyOnce(n + posted);
    assertThat(tally.expired()).isZero();
  }

  /**
   * Whichever instance's breaker opens first holds every queued message it polls at once, so the
   * other may poll none: each instance is also sent events of its own (sent right after commit by
   * that instance) until its breaker opens. Answers how many, each to a queued user of its own.
   */
  private int failUntilOpen(ServiceProcess instance, int postedBefore) throws Exception {
    var events = new PlatformEvents();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    int posted = 0;
    while (!instance.health("components/smsProvider/details/circuit").equals("open")) {
      assertThat(Instant.now()).as(instance.name() + " circuit open").isBefore(deadline);
      if (postedBefore + posted < n) {
        String user = "po-u" + (postedBefore + posted + 1);
        events.post(instance, "po-" + user, PlatformEvents.achievement(user));
        posted++;
      }
      Thread.sleep(200);
    }
    assertThat(events.answers()).allSatisfy(r -> assertThat(r.status()).isEqualTo(202));
    return posted;
  }

  @Test
  @Order(4)
  void sigtermFinishesInFlightSends() throws Exception {
    long start = cluster.provider.ledger().taken();
    cluster.outbox.queue("gs", 206, n, 1);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> cluster.provider.ledger().taken() >= start + n / 4);

    b.terminate();
    List<Long> orphans = cluster.outbox.sendingHeldBy(b.name());
    Tally tally = settled("gs");

    tally.report("SIGTERM of one instance");
    Machine.report("FAULTS   left sending without an owner: " + orphans.size());
    assertThat(orphans).isEmpty();
    tally.assertExactlyOnce(n);
  }

  @Test
  @Order(5)
  void killedInstanceWorkIsReconciledWithoutResend() throws Exception {
    ServiceProcess c = cluster.start("C").get(0);
    long start = cluster.provider.ledger().taken();
    cluster.outbox.queue("kl", 207, n, 1);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> cluster.provider.ledger().taken() >= start + n / 4);

    c.kill();
    Instant killed = Instant.now();
    List<Long> inFlight = cluster.outbox.sendingHeldBy(c.name());
    Tally tally = settled("kl");

    ProviderLedger ledger = cluster.provider.ledger();
    long reconciled = inFlight.stream().filter(ledger::foundByLookup).count();
    List<Long> reachedBeforeKill =
        inFlight.stream()
            .filter(id -> ledger.created(id).stream().anyMatch(m -> m.at().isBefore(killed)))
            .toList();
    tally.report("kill -9 of one of two instances");
    Machine.report(
        String.format(
            "FAULTS   in flight at the kill: %d, reconciled without a resend: %d,"
                + " not yet requested (sent after the grace period): %d",
            inFlight.size(), reconciled, inFlight.size() - reconciled));
    assertThat(inFlight).isNotEmpty();
    assertThat(reconciled).isPositive();
    assertThat(reachedBeforeKill).allMatch(ledger::foundByLookup);
    tally.assertExactlyOnce(n);
  }

  private Tally settled(String prefix) {
    return await(prefix + " settled")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Tally.of(cluster, prefix), Tally::settled);
  }
}
