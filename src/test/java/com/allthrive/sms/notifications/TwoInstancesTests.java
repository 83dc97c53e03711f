package com.allthrive.sms.notifications;

import static com.allthrive.sms.notifications.DirectMessageFixtures.dm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.presence.Presence;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.Instances;
import com.allthrive.sms.support.PlatformHttp;
import com.allthrive.sms.support.PresenceClient;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.RequiresRedis;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the service on one PostgreSQL schema and one Redis, as in a scale-out: they
 * agree on who is online, and split concurrent events of one thread without a second text.
 */
@RequiresPostgres
@RequiresRedis
class TwoInstancesTests {

  static final FakeTwilio twilio = FakeTwilio.shared();

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;

  @BeforeAll
  static void startTwoInstances() {
    Map<String, Object> shared = new HashMap<>();
    TestDatabases.postgres((name, value) -> shared.put(name, value.get()));
    shared.putAll(twilio.properties());
    shared.put("REDIS_URL", "redis://localhost:6379");
    shared.put("sms.presence.key-prefix", "test-" + UUID.randomUUID() + ":");
    shared.put("sms.delivery.public-base-url", "https://sms.example.com");
    shared.put("server.port", "0");
    a = start(shared);
    b = start(shared);
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @Test
  void aSocketOnOneInstanceMakesTheUserOnlineForTheOther() throws Exception {
    verifiedUser("bob", "+12015550401");
    Presence presenceOnB = b.getBean(Presence.class);

    var socket = PresenceClient.open(port(a), JwtFixtures.token("bob"));
    await().atMost(Duration.ofSeconds(10)).until(() -> presenceOnB.isOnline(new UserId("bob")));
    var answer =
        new PlatformHttp(port(b))
            .event("direct_message.created", dm("t1", "m1", "ada", "hello", "bob"));
    socket.close();

    assertThat(answer.body()).contains("\"reason\":\"recipient_online\"");
    await().atMost(Duration.ofSeconds(10)).until(() -> !presenceOnB.isOnline(new UserId("bob")));
  }

  @Test
  void concurrentEventsOfOneThreadSplitAcrossInstancesGiveExactlyOneText() throws Exception {
    String carol = "+12015550402";
    verifiedUser("carol", carol);
    List<Callable<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      var http = new PlatformHttp(port(i % 2 == 0 ? a : b));
      String body = dm("t2", "m2-" + i, "ada", "message " + i, "carol");
      posts.add(() -> http.event("direct_message.created", body).statusCode());
    }

    var pool = Executors.newFixedThreadPool(10);
    try {
      for (var f : pool.invokeAll(posts)) {
        assertThat(f.get()).isEqualTo(202);
      }
    } finally {
      pool.shutdownNow();
    }

    JdbcClient jdbc = a.getBean(JdbcClient.class);
    assertThat(
            jdbc.sql("select reason from notification_decision where user_id = 'carol'")
                .query(String.class)
                .list())
        .hasSize(10)
        .containsOnlyOnce("eligible")
        .containsOnly("eligible", "debounced");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "sent"
                    .equals(
                        jdbc.sql("select status from sms_message where recipient_user_id = 'carol'")
                            .query(String.class)
                            .single()));
    assertThat(twilio.sendsTo(carol)).hasSize(1);
  }

  static void verifiedUser(String id, String phone) {
    Instances.verifiedUser(a, id, phone);
  }

  static int port(ConfigurableApplicationContext context) {
    return Instances.port(context);
  }

  static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return Instances.start(properties);
  }
}
