package com.allthrive.sms.notifications.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.notifications.Outcome;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.SqlRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records every decision with its reason; numbers are stored masked. */
@Repository
class DecisionLog {

  private static final int CHUNK = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MeterRegistry registry;

  DecisionLog(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.registry = registry;
  }

  Decision record(Entry e) {
    return record(e.eventId(), e.candidate(), e.outcome(), e.reason(), e.messageId());
  }

  Decision record(String eventId, Candidate c, Outcome outcome, String reason, Long messageId) {
    jdbc.sql(
            """
            insert into notification_decision (event_id, user_id, to_phone, message_type, outcome,
              reason, message_id, created_at)
            values (:event, :user, :to, :type, :outcome, :reason, :message, :at)""")
        .param("event", eventId)
        .param("user", c.recipientId() == null ? null : c.recipientId().value())
        .param("to", c.to() == null ? null : c.to().masked())
        .param("type", c.type().code())
        .param("outcome", outcome.code())
        .param("reason", reason)
        .param("message", messageId)
        .param("at", utc(clock.instant()))
        .update();
    count(c.type().code(), outcome, reason);
    return Decision.of(c.recipientId(), outcome, reason, messageId);
  }

  /** One decision of a page, as {@link #record} takes it. */
  record Entry(
      String eventId, Candidate candidate, Outcome outcome, String reason, Long messageId) {

    /** What a message written to the outbox (or found there already) decides. */
    static Entry forQueued(String eventId, Candidate c, SmsOutbox.Queued queued, boolean deferred) {
      if (!queued.created()) {
        return new Entry(eventId, c, Outcome.SKIPPED, "duplicate", queued.messageId());
      }
      return deferred
          ? new Entry(eventId, c, Outcome.DEFERRED, "quiet_hours", queued.messageId())
          : new Entry(eventId, c, Outcome.QUEUED, "eligible", queued.messageId());
    }

    Decision decision() {
      return Decision.of(candidate.recipientId(), outcome, reason, messageId);
    }
  }

  /**
   * The inserts of a page of decisions, of one event or several (one statement per chunk), for a
   * caller that runs them with its own writes in one round trip ({@link OneRoundTrip}), then counts
   * them ({@link #recorded}).
   */
  List<OneRoundTrip.Lookup<?>> writes(List<Entry> entries) {
    List<OneRoundTrip.Lookup<?>> writes = new ArrayList<>();
    for (int from = 0; from < entries.size(); from += CHUNK) {
      writes.add(insert(entries.subList(from, Math.min(entries.size(), from + CHUNK))));
    }
    return writes;
  }

  /** Counts decisions the caller wrote with {@link #writes}. */
  void recorded(List<Entry> entries) {
    entries.forEach(e -> count(e.candidate().type().code(), e.outcome(), e.reason()));
  }

  private OneRoundTrip.Lookup<Void> insert(List<Entry> chunk) {
    Instant now = clock.instant();
    List<Object> args = new ArrayList<>(chunk.size() * 8);
    for (Entry e : chunk) {
      Candidate c = e.candidate();
      args.add(e.eventId());
      args.add(text(c.recipientId() == null ? null : c.recipientId().value()));
      args.add(text(c.to() == null ? null : c.to().masked()));
      args.add(c.type().code());
      args.add(e.outcome().code());
      args.add(e.reason());
      args.add(e.messageId() == null ? new SqlParameterValue(Types.BIGINT, null) : e.messageId());
      args.add(utc(now));
    }
    return OneRoundTrip.Lookup.write(
        "insert into notification_decision (event_id, user_id, to_phone, message_type,"
            + " outcome, reason, message_id, created_at) values "
            + SqlRows.values(chunk.size(), 8),
        args);
  }

  private static Object text(String value) {
    return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
  }

  /**
   * A queued or deferred message was canceled before it was sent: a further decision for the same
   * event and recipient, with outcome {@code canceled} and the reason. Messages no decision led to
   * (verification codes) have none.
   */
  void canceled(long messageId, String reason, Instant at) {
    jdbc.sql(
            """
            insert into notification_decision (event_id, user_id, to_phone, message_type, outcome,
              reason, message_id, created_at)
            select event_id, user_id, to_phone, message_type, :outcome, :reason, message_id, :at
            from notification_decision where message_id = :message and outcome <> :outcome""")
        .param("outcome", Outcome.CANCELED.code())
        .param("reason", reason)
        .param("message", messageId)
        .param("at", utc(at))
        .update();
    count("any", Outcome.CANCELED, reason);
  }

  /** Decisions by type, outcome and reason: fixed sets of codes, no user or number. */
  private void count(String type, Outcome outcome, String reason) {
    Counter.builder("sms.decisions")
        .description("Policy decisions by outcome and reason")
        .tag("type", type)
        .tag("outcome", outcome.code())
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
