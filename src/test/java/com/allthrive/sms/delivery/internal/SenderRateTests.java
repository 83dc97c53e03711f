package com.allthrive.sms.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A sender limited to 4 sends a second: messages wait for their slot instead of failing, and two
 * instances on one database share the sender's slots.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class SenderRateTests {

  static final FakeTwilio twilio = FakeTwilio.shared();
  static final Duration INTERVAL = Duration.ofMillis(250);
  private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> "https://sms.example.test");
    registry.add("sms.delivery.sender-rate-limit", () -> "4");
  }

  @Autowired SmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired SenderSlots slots;
  @Autowired DeliverySettings settings;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void twoInstancesTakeDistinctSlotsAtLeastAQuarterSecondApart() {
    SenderSlots otherInstance = new SenderSlots(jdbc, settings, dataSource, transactions);
    List<Instant> taken = new CopyOnWriteArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofHours(1));

    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> takeTen(slots, deadline, taken)),
            CompletableFuture.runAsync(() -> takeTen(otherInstance, deadline, taken)))
        .join();

    List<Instant> sorted = taken.stream().sorted().toList();
    assertThat(sorted).hasSize(20).doesNotHaveDuplicates();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
          .isGreaterThanOrEqualTo(INTERVAL);
    }
  }

  @Test
  void messagesWaitForTheirSlotAndEachIsSentOnce() {
    Instant before = Instant.now();
    List<PhoneNumber> numbers = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      PhoneNumber to = new PhoneNumber("+1202556" + NUMBERS.incrementAndGet());
      numbers.add(to);
      ids.add(
          outbox
              .enqueue(
                  OutgoingSms.of(
                      "test:" + UUID.randomUUID(), to, MessageType.OTHER, "Rate " + i, null))
              .messageId());
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(this::sent));

    List<Instant> started = ids.stream().map(this::startedAt).sorted().toList();
    for (int i = 0; i < started.size(); i++) {
      assertThat(started.get(i)).isAfterOrEqualTo(before.plus(INTERVAL.multipliedBy(i)));
    }
    assertThat(numbers).allSatisfy(to -> assertThat(twilio.sendsTo(to.e164())).hasSize(1));
    assertThat(ids).allSatisfy(id -> assertThat(attempts(id)).isEqualTo(1));
  }

  private static void takeTen(SenderSlots slots, Instant deadline, List<Instant> taken) {
    for (int i = 0; i < 10; i++) {
      taken.add(slots.take(Instant.now(), deadline).orElseThrow());
    }
  }

  private boolean sent(long id) {
    return "sent".equals(column(id, "status", String.class));
  }

  private Instant startedAt(long id) {
    return column(id, "send_started_at", OffsetDateTime.class).toInstant();
  }

  private int attempts(long id) {
    return column(id, "attempts", Integer.class);
  }

  private <T> T column(long id, String name, Class<T> type) {
    return jdbc.sql("select " + name + " from sms_message where id = :id")
        .param("id", id)
        .query(type)
        .single();
  }
}
