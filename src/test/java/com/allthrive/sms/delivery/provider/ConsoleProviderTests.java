package com.allthrive.sms.delivery.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ConsoleProviderTests {

  private static final PhoneNumber TO = new PhoneNumber("+14155550123");

  private final RecentConsoleMessages outbox = new RecentConsoleMessages();
  private final ConsoleProvider provider =
      new ConsoleProvider(
          outbox, Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void logsTheMaskedNumberAndTheLoggedBodyOnly(CapturedOutput output) {
    var code =
        new SendRequest(
            7,
            TO,
            MessageType.PHONE_VERIFICATION,
            "Your code is: 246810",
            "Your code is: ******",
            Duration.ofMinutes(10));

    var outcome = provider.send(code);

    assertThat(outcome).isEqualTo(new SendOutcome.Accepted("console-7"));
    assertThat(output.getAll())
        .contains("+1********23")
        .contains("Your code is: ******")
        .doesNotContain("246810")
        .doesNotContain(TO.e164());
  }

  @Test
  void keepsTheRecentTextsNewestFirstForTheDemoConsole() {
    provider.send(
        new SendRequest(1, TO, MessageType.DIRECT_MESSAGE, "first", "first", Duration.ofHours(1)));
    provider.send(
        new SendRequest(
            2,
            TO,
            MessageType.PHONE_VERIFICATION,
            "code 135790",
            "code ******",
            Duration.ofHours(1)));

    assertThat(outbox.recent()).extracting(e -> e.messageId()).containsExactly(2L, 1L);
    assertThat(outbox.recent().get(0).body()).isEqualTo("code 135790");
    assertThat(outbox.recent().get(0).to()).isEqualTo(TO);
  }

  @Test
  void forgetsTheOldestTextsBeyondItsCapacity() {
    for (int i = 1; i <= RecentConsoleMessages.CAPACITY + 5; i++) {
      provider.send(
          new SendRequest(i, TO, MessageType.OTHER, "n" + i, "n" + i, Duration.ofHours(1)));
    }

    assertThat(outbox.recent()).hasSize(RecentConsoleMessages.CAPACITY);
    assertThat(outbox.recent().get(0).messageId()).isEqualTo(RecentConsoleMessages.CAPACITY + 5L);
  }
}
