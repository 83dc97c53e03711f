package com.allthrive.sms.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.presence.internal.PresenceService;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.PlatformHttp;
import com.allthrive.sms.support.PresenceClient;
import com.allthrive.sms.support.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who is online, through the real socket and the platform heartbeat, with a TTL of 4 s and pings
 * every 500 ms; {@code PresenceMemoryTests} and {@code PresenceRedisTests} run it on each registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class PresenceTests {

  static final Duration WAIT = Duration.ofSeconds(15);

  @DynamicPropertySource
  static void presence(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
    registry.add("sms.presence.ttl", () -> "4s");
    registry.add("sms.presence.ping-interval", () -> "500ms");
  }

  @Autowired Presence presence;
  @Autowired PresenceService service;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @Test
  void staysOnlineWhileAnyTabIsOpenAndGoesOfflineWithTheLast() throws Exception {
    UserId user = newUser();
    var first = PresenceClient.open(port, JwtFixtures.token(user.value()));
    var second = PresenceClient.open(port, JwtFixtures.token(user.value()));
    await().atMost(WAIT).until(() -> sockets() == 2);

    first.close();
    await().atMost(WAIT).until(() -> sockets() == 1);

    assertThat(presence.isOnline(user)).isTrue();
    await()
        .during(Duration.ofSeconds(5))
        .atMost(WAIT)
        .alias("the open tab's pongs keep the user online past the TTL")
        .until(() -> presence.isOnline(user));
    second.close();
    await().atMost(WAIT).until(() -> !presence.isOnline(user));
  }

  @Test
  void aConnectionWhoseHeartbeatsStopExpiresWithoutAClose() {
    UserId user = newUser();
    service.heartbeat(user, "ws-of-an-instance-that-died");
    assertThat(presence.isOnline(user)).isTrue();

    await().atMost(WAIT).until(() -> !presence.isOnline(user));
  }

  @Test
  void aPlatformHeartbeatHoldsForTheTtlAndOfflineEndsItAtOnce() {
    UserId user = newUser();
    var http = new PlatformHttp(port);

    assertThat(http.put(path(user), "{\"online\":true}").body()).contains("\"online\":true");
    assertThat(presence.isOnline(user)).isTrue();
    await().atMost(WAIT).until(() -> !presence.isOnline(user));

    http.put(path(user), "{\"online\":true}");
    assertThat(http.put(path(user), "{\"online\":false}").body()).contains("\"online\":false");
    assertThat(presence.isOnline(user)).isFalse();
  }

  @Test
  void refusesASocketWithoutAValidToken() {
    UserId user = newUser();

    for (String token :
        new String[] {
          JwtFixtures.expired(user.value()),
          JwtFixtures.signedWithAnotherKey(user.value()),
          JwtFixtures.unsigned(user.value()),
          ""
        }) {
      assertThatThrownBy(() -> PresenceClient.open(port, token))
          .isInstanceOf(ExecutionException.class);
    }
    assertThat(presence.isOnline(user)).isFalse();
  }

  @Test
  void refusesAHeartbeatThatIsNotABoolean() {
    var answer = new PlatformHttp(port).put(path(newUser()), "{\"online\":\"yes\"}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("\"code\":\"invalid_presence\"");
  }

  double sockets() {
    return meters.get("sms.presence.sockets").gauge().value();
  }

  static UserId newUser() {
    return new UserId("u-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static String path(UserId user) {
    return "/api/v1/platform/presence/" + user.value();
  }
}
