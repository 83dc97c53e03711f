package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.provider.ProviderCircuit;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages held while the provider is down ({@link ProviderCircuit}): no claim, no provider call,
 * no attempt; the dispatch task waits until the breaker lets a probe through, or until the
 * message's validity ends, when it ends {@code expired}. Once a probe is taken every held task is
 * due at once, ordered by age (db-scheduler then takes the most urgent first).
 */
@Component
class HeldSends {

  private final ProviderCircuit circuit;
  private final MessageStore store;
  private final Recorder recorder;
  private final JdbcClient jdbc;
  private final Clock clock;

  HeldSends(
      ProviderCircuit circuit,
      MessageStore store,
      Recorder recorder,
      JdbcClient jdbc,
      Clock clock) {
    this.circuit = circuit;
    this.store = store;
    this.recorder = recorder;
    this.jdbc = jdbc;
    this.clock = clock;
    circuit.onRecovery(this::releaseAll);
  }

  /** Empty when the provider may be called now; otherwise until when a send waits. */
  Optional<Instant> heldUntil() {
    return circuit.heldUntil();
  }

  /** The message's next look while held: the release moment, or its expiry if sooner. */
  static Instant until(Instant held, Instant expiresAt) {
    return expiresAt.isBefore(held) ? expiresAt : held;
  }

  /** A pending message is not sent now: its task waits, or it ends expired when out of time. */
  Optional<Next> hold(long messageId, Instant held) {
    Optional<MessageRow> found = store.find(messageId);
    if (found.isEmpty()) {
      return Optional.of(Next.DONE);
    }
    MessageRow row = found.get();
    if (row.status() != MessageStatus.PENDING) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(row.expiresAt())) {
      recorder.unsent(
          row,
          MessageStatus.EXPIRED,
          "validity_elapsed",
          "not sent within its validity",
          false,
          now);
      return Optional.of(Next.DONE);
    }
    return Optional.of(Next.at(until(held, row.expiresAt())));
  }

  /**
   * The provider answers again: every dispatch task held until now is due at once, as of its
   * message's creation so that the oldest go first within a priority.
   */
  void releaseAll() {
    Instant now = clock.instant();
    jdbc.sql(
            """
            update scheduled_tasks set version = version + 1, execution_time = coalesce(
                (select m.created_at from sms_message m
                 where m.id = cast(task_instance as bigint) and m.created_at < :now), :now)
            where task_name = :task and picked = false and execution_time > :now
              and execution_time <= :until""")
        .param("task", DispatchTasks.DISPATCH.getTaskName())
        .param("now", utc(now))
        .param("until", utc(circuit.latestHold()))
        .update();
  }
}
