package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.shared.Databases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The state changes of a log row. Every change is conditional on the status it starts from, so two
 * writers (the dispatcher and a status callback, or two instances) cannot move a row backwards or
 * act on a row the other already moved: the loser's update touches nothing and says so.
 */
@Component
class MessageStore {

  private final JdbcClient jdbc;
  private final boolean postgres;

  MessageStore(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
  }

  Optional<MessageRow> find(long id) {
    return jdbc.sql("select " + MessageRow.COLUMNS + " from sms_message where id = :id")
        .param("id", id)
        .query(MessageRow::map)
        .optional();
  }

  /** sending → pending: a transient failure, tried again at {@code next}. */
  boolean markRetry(
      long id, Instant next, String code, String message, boolean attempted, Instant now) {
    return jdbc.sql(
                """
                update sms_message set status = 'pending', next_attempt_at = :next,
                  attempts = attempts - :refund, error_code = :code, error_message = :message,
                  updated_at = :now
                where id = :id and status = 'sending'""")
            .param("id", id)
            .param("next", utc(next))
            .param("refund", attempted ? 0 : 1)
            .param("code", code)
            .param("message", message)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * pending or sending → failed or expired, never sent; the sealed text is wiped and the dispatch
   * task goes (see {@link #endingTask}).
   */
  boolean markUnsent(long id, MessageStatus status, String code, String message, Instant now) {
    return endingTask(
                id,
                """
                update sms_message set status = :status, error_code = :code,
                  error_message = :message, sealed_body = null, next_attempt_at = null,
                  updated_at = :now
                where id = :id and status in ('pending', 'sending')""")
            .param("status", status.code())
            .param("code", code)
            .param("message", message)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /** Notes why a send is still unresolved, without changing its status. */
  void noteError(long id, String code, String message, Instant now) {
    jdbc.sql(
            """
            update sms_message set error_code = :code, error_message = :message, updated_at = :now
            where id = :id""")
        .param("id", id)
        .param("code", code)
        .param("message", message)
        .param("now", utc(now))
        .update();
  }

  /**
   * Moves a row forward to {@code target} as the provider reports it; a row already at the same or
   * a later rank stays as it is.
   */
  boolean advance(long id, MessageStatus target, String code, String message, Instant now) {
    return jdbc.sql(
                """
                update sms_message set status = :target, sent_at = coalesce(sent_at, :now),
                  delivered_at = coalesce(delivered_at, :deliveredAt),
                  error_code = coalesce(:code, error_code),
                  error_message = coalesce(:message, error_message),
                  sealed_body = null, next_attempt_at = null, updated_at = :now
                where id = :id and status in (:lower)""")
            .param("id", id)
            .param("target", target.code())
            .param("deliveredAt", target == MessageStatus.DELIVERED ? utc(now) : null)
            .param("code", code)
            .param("message", message)
            .param("now", utc(now))
            .param("lower", below(target))
            .update()
        == 1;
  }

  /**
   * Records the provider's actual price (a positive amount); false when that price was already
   * recorded, so a repeated callback is counted once.
   */
  boolean recordPrice(long id, BigDecimal price, String unit, Instant now) {
    return jdbc.sql(
                "update sms_message set price = :price, price_unit = :unit, updated_at = :now"
                    + " where id = :id and (price is null or price <> :price"
                    + " or price_unit is null or price_unit <> :unit)")
            .param("id", id)
            .param("price", price)
            .param("unit", unit)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * {@code update} of row {@code id} (bound here as {@code :id}) that also removes the message's
   * dispatch task unless a poller holds it (that run ends its task itself): in the same statement
   * on PostgreSQL, in one just before it on H2. For a send on the immediate path, whose task only
   * waits in case this instance fails.
   */
  private JdbcClient.StatementSpec endingTask(long id, String update) {
    if (postgres) {
      return jdbc.sql("with ended as (" + DispatchTaskRows.REMOVE + ") " + update)
          .params(DispatchTaskRows.of(id))
          .param("id", id);
    }
    jdbc.sql(DispatchTaskRows.REMOVE).params(DispatchTaskRows.of(id)).update();
    return jdbc.sql(update).param("id", id);
  }

  private static List<String> below(MessageStatus target) {
    return Arrays.stream(MessageStatus.values())
        .filter(s -> s.rank() < target.rank())
        .map(MessageStatus::code)
        .toList();
  }
}
