package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.shared.Databases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's rate ({@code SMS_SENDER_RATE_LIMIT} sends per second; Twilio allows a long code 1, a
 * toll-free number 3, a short code 100 or more), held across every instance by one row per sender
 * in PostgreSQL: the next free slot. A message takes a slot with one conditional statement (the
 * slot after the last one taken, or now), keeps it on its row and waits in the queue until then: no
 * failure, no attempt. A message whose validity ends before the next free slot takes none and ends
 * expired. Off (0), nothing is asked.
 */
@Component
class SenderSlots {

  private static final String TAKE =
      """
      update sender_slot set next_slot = greatest(next_slot, :now) + :interval
      where sender = :sender and greatest(next_slot, :now) < :deadline""";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final boolean postgres;
  private final long intervalMicros;
  private final String sender;
  private volatile boolean known;

  SenderSlots(
      JdbcClient jdbc,
      DeliverySettings settings,
      DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.postgres = Databases.isPostgres(dataSource);
    this.intervalMicros =
        settings.senderRateLimit() > 0 ? Math.round(1_000_000 / settings.senderRateLimit()) : 0;
    this.sender = senderOf(settings);
  }

  boolean limited() {
    return intervalMicros > 0;
  }

  /**
   * Empty when {@code row} may be sent now as far as the sender's rate goes; otherwise when to look
   * at it again: its slot (now kept on the row), or its expiry when no slot is free before it.
   */
  Optional<Instant> wait(MessageRow row, Instant now) {
    if (!limited()) {
      return Optional.empty();
    }
    if (row.rateSlot() != null) {
      return row.rateSlot().isAfter(now) ? Optional.of(row.rateSlot()) : Optional.empty();
    }
    Optional<Instant> slot = take(now, row.expiresAt());
    if (slot.isEmpty()) {
      return Optional.of(row.expiresAt());
    }
    if (!slot.get().isAfter(now)) {
      return Optional.empty();
    }
    jdbc.sql("update sms_message set rate_slot = :slot where id = :id and status = 'pending'")
        .param("slot", utc(slot.get()))
        .param("id", row.id())
        .update();
    return slot;
  }

  /** The sender's next free slot before {@code deadline}, now taken; empty when none is. */
  Optional<Instant> take(Instant now, Instant deadline) {
    ensureRow(now);
    Map<String, Object> params =
        Map.of(
            "sender",
            sender,
            "now",
            micros(now),
            "deadline",
            micros(deadline),
            "interval",
            intervalMicros);
    Optional<Long> next =
        postgres
            ? jdbc.sql(TAKE + " returning next_slot").params(params).query(Long.class).optional()
            : tx.execute(
                s ->
                    jdbc.sql(TAKE).params(params).update() == 1
                        ? jdbc.sql("select next_slot from sender_slot where sender = :sender")
                            .param("sender", sender)
                            .query(Long.class)
                            .optional()
                        : Optional.<Long>empty());
    return next.map(n -> Instant.EPOCH.plus(n - intervalMicros, ChronoUnit.MICROS));
  }

  private void ensureRow(Instant now) {
    if (known) {
      return;
    }
    jdbc.sql(
            "insert into sender_slot (sender, next_slot) values (:sender, :now)"
                + " on conflict do nothing")
        .param("sender", sender)
        .param("now", micros(now))
        .update();
    known = true;
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static String senderOf(DeliverySettings settings) {
    DeliverySettings.Twilio twilio = settings.twilio();
    if (settings.provider() != DeliverySettings.Provider.TWILIO || twilio == null) {
      return "console";
    }
    String service = twilio.messagingServiceSid();
    return "twilio:" + (service != null && !service.isBlank() ? service : twilio.phoneNumber());
  }
}
