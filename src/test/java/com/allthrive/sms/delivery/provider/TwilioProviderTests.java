package com.allthrive.sms.delivery.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.TestDeliverySettings;
import com.allthrive.sms.delivery.provider.SendOutcome.Failed;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio provider over the real SDK and HTTP, against the fake Twilio. */
class TwilioProviderTests {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private final FakeTwilio twilio = FakeTwilio.shared();

  @BeforeEach
  void reset() {
    twilio.reset();
  }

  @Test
  void sendsToTheConfiguredBaseUrlEvenWhenItsHostIsAnIpAddress() {
    PhoneNumber to = newNumber();
    var provider = provider("http://127.0.0.1:" + twilio.port(), null, "MG" + "a".repeat(32));

    var outcome = provider.send(request(to, "hello", Duration.ofMinutes(30)));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(((SendOutcome.Accepted) outcome).providerMessageId())
        .isEqualTo(twilio.created(to.e164()).get(0).sid());
    assertThat(twilio.sendsTo(to.e164()).get(0))
        .containsEntry("MessagingServiceSid", "MG" + "a".repeat(32))
        .containsEntry("ValidityPeriod", "1800")
        .doesNotContainKey("From");
  }

  @Test
  void neverLetsTheSdkRetryAFailedSend() {
    PhoneNumber to = newNumber();
    twilio.failThenAccept(to.e164(), 3, 500);

    var outcome =
        provider(twilio.baseUrl(), "1s", null).send(request(to, "once", Duration.ofHours(1)));

    assertThat(outcome).isEqualTo(Failed.transientError("20500", "Internal Server Error"));
    assertThat(twilio.sendsTo(to.e164())).hasSize(1);
  }

  @Test
  void givesUpReadingAfterTheReadTimeoutWithAnUnknownOutcome() {
    PhoneNumber to = newNumber();
    twilio.answerLate(to.e164(), Duration.ofSeconds(3));
    long start = System.nanoTime();

    var outcome =
        provider(twilio.baseUrl(), "500ms", null).send(request(to, "late", Duration.ofHours(1)));

    assertThat(outcome).isInstanceOf(SendOutcome.Unknown.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
  }

  @Test
  void givesUpConnectingAfterTheConnectTimeoutAndRetriesLater() throws IOException {
    try (ServerSocket full = new ServerSocket(0, 1)) {
      List<Socket> backlog = fill(full);
      long start = System.nanoTime();

      var outcome =
          provider("http://127.0.0.1:" + full.getLocalPort(), "500ms", null)
              .send(request(newNumber(), "nobody listens", Duration.ofHours(1)));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              Failed.class,
              f -> {
                assertThat(f.permanent()).isFalse();
                assertThat(f.errorCode()).isEqualTo("network_error");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      for (Socket socket : backlog) {
        socket.close();
      }
    }
  }

  @Test
  void findsALostSendByNumberAndText() {
    PhoneNumber to = newNumber();
    var provider = provider(twilio.baseUrl(), "1s", null);
    Instant before = Instant.now();
    provider.send(request(to, "find me", Duration.ofHours(1)));

    var found = provider.lookup(new LookupRequest(1, to, "find me", before));
    var otherText = provider.lookup(new LookupRequest(1, to, "not me", before));

    assertThat(found)
        .isInstanceOfSatisfying(
            LookupOutcome.Found.class,
            f ->
                assertThat(f.matches())
                    .extracting(LookupOutcome.Match::providerMessageId)
                    .containsExactly(twilio.created(to.e164()).get(0).sid()));
    assertThat(otherText).isInstanceOf(LookupOutcome.NotFound.class);
  }

  @Test
  void keepsTheValidityPeriodWithinTwiliosRange() {
    assertThat(TwilioProvider.validitySeconds(Duration.ofHours(20))).isEqualTo(36_000);
    assertThat(TwilioProvider.validitySeconds(Duration.ofMillis(10))).isEqualTo(1);
    assertThat(TwilioProvider.validitySeconds(Duration.ofMinutes(10))).isEqualTo(600);
  }

  /** Fills a listening socket's accept queue so that further connects hang. */
  private static List<Socket> fill(ServerSocket server) {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 1000);
        sockets.add(socket);
      } catch (IOException e) {
        return sockets;
      }
    }
    return sockets;
  }

  private static TwilioProvider provider(String baseUrl, String timeout, String messagingService) {
    return new TwilioProvider(settings(baseUrl, timeoutOf(timeout), messagingService));
  }

  private static Duration timeoutOf(String value) {
    if (value == null) {
      return Duration.ofSeconds(1);
    }
    return value.endsWith("ms")
        ? Duration.ofMillis(Long.parseLong(value.replace("ms", "")))
        : Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
  }

  static DeliverySettings settings(String baseUrl, Duration timeout, String messagingService) {
    var twilio =
        new DeliverySettings.Twilio(
            FakeTwilio.ACCOUNT_SID,
            FakeTwilio.AUTH_TOKEN,
            messagingService == null ? FakeTwilio.FROM : null,
            messagingService,
            baseUrl,
            timeout,
            timeout,
            20);
    return TestDeliverySettings.twilio("https://sms.example.test", twilio);
  }

  private static SendRequest request(PhoneNumber to, String body, Duration validity) {
    return new SendRequest(SEQUENCE.incrementAndGet(), to, MessageType.OTHER, body, body, validity);
  }

  private static PhoneNumber newNumber() {
    return new PhoneNumber("+1303555" + String.format("%04d", SEQUENCE.incrementAndGet()));
  }
}
