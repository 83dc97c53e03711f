package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.SmsCancellations;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends messages {@code canceled} before they reach the provider: one the send-time re-check
 * refuses, and every waiting message to a number that texted STOP. The row, the removal of its
 * dispatch task (unless a poller holds it) and the events commit together.
 */
@Service
class Cancellations implements SmsCancellations {

  private final JdbcClient jdbc;
  private final SendConditions conditions;
  private final DispatchTaskRows tasks;
  private final StatusEvents events;
  private final TransactionTemplate tx;
  private final Clock clock;

  Cancellations(
      JdbcClient jdbc,
      SendConditions conditions,
      DispatchTaskRows tasks,
      StatusEvents events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.conditions = conditions;
    this.tasks = tasks;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Cancels the row, still in the status and attempt count it was read with, when a send condition
   * fails for it now; the reason of the first failing condition, else empty (another path took the
   * row, or every condition holds).
   */
  Optional<String> refused(MessageRow row, Instant now) {
    return tx.execute(
        s -> {
          int canceled =
              jdbc.sql(
                      "update sms_message m set status = 'canceled', error_code = "
                          + conditions.firstFailure()
                          + ", error_message = 'refused when it was due to be sent',"
                          + " sealed_body = null, next_attempt_at = null, updated_at = :now"
                          + " where m.id = :id and m.status = :status and m.attempts = :attempts"
                          + " and not "
                          + conditions.allHold())
                  .params(conditions.parameters())
                  .param("id", row.id())
                  .param("status", row.status().code())
                  .param("attempts", row.attempts())
                  .param("now", utc(now))
                  .update();
          if (canceled == 0) {
            return Optional.<String>empty();
          }
          tasks.remove(row.id());
          String reason =
              jdbc.sql("select error_code from sms_message where id = :id")
                  .param("id", row.id())
                  .query(String.class)
                  .single();
          events.canceled(row, reason, now);
          return Optional.of(reason);
        });
  }

  /**
   * Cancels the row, still pending after the attempts it was read with, for {@code reason}; false
   * when another path took it first.
   */
  boolean cancel(MessageRow row, String reason, Instant now) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              int canceled =
                  jdbc.sql(
                          """
                          update sms_message set status = 'canceled', error_code = :reason,
                            error_message = 'refused when it was due to be sent',
                            sealed_body = null, next_attempt_at = null, updated_at = :now
                          where id = :id and status = 'pending' and attempts = :attempts""")
                      .param("id", row.id())
                      .param("reason", reason)
                      .param("attempts", row.attempts())
                      .param("now", utc(now))
                      .update();
              if (canceled == 0) {
                return false;
              }
              tasks.remove(row.id());
              events.canceled(row, reason, now);
              return true;
            }));
  }

  @Override
  @Transactional
  public int cancelWaitingTo(PhoneNumber to, String reason) {
    Instant now = clock.instant();
    List<MessageRow> waiting =
        jdbc.sql(
                "select "
                    + MessageRow.COLUMNS
                    + " from sms_message where to_phone = :to and status = 'pending' for update")
            .param("to", to.e164())
            .query(MessageRow::map)
            .list();
    for (MessageRow row : waiting) {
      jdbc.sql(
              """
              update sms_message set status = 'canceled', error_code = :reason,
                error_message = 'canceled while it waited', sealed_body = null,
                next_attempt_at = null, updated_at = :now
              where id = :id and status = 'pending'""")
          .param("id", row.id())
          .param("reason", reason)
          .param("now", utc(now))
          .update();
      tasks.remove(row.id());
      events.canceled(row, reason, now);
    }
    return waiting.size();
  }
}
