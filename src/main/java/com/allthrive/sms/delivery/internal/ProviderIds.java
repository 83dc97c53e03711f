package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.Databases;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider's id of each sent message: the move to {@code sent} that records it, and the lookups
 * by it. The unique id lives in {@code sms_provider_id} ({@code V16_1}); {@code sms_message} keeps
 * a copy without an index, so that no update of a log row changes an indexed column. On PostgreSQL
 * each write is one statement; on H2, which has no data-modifying {@code with}, a few in the
 * caller's transaction.
 */
@Component
class ProviderIds {

  /** Keeps the provider id of each row {@code moved} changed, and answers their ids. */
  private static final String KEEP =
      ", kept as (insert into sms_provider_id (provider_message_id, message_id)"
          + " select provider_message_id, id from moved) select id from moved";

  /** The move to sent of the rows {@code v (id, sid)}, on PostgreSQL. */
  private static final String SENT =
      """
      update sms_message m set status = 'sent', provider_message_id = v.sid, sent_at = :now,
        sealed_body = null, error_code = null, error_message = null, updated_at = :now
      from (values :rows) v (id, sid) where m.id = v.id and m.status = 'sending'""";

  /** The same for one row, on H2. */
  private static final String SENT_ONE =
      """
      update sms_message set status = 'sent', provider_message_id = :sid, sent_at = :now,
        sealed_body = null, error_code = null, error_message = null, updated_at = :now
      where id = :id and status = 'sending'""";

  private static final String ATTACH =
      """
      update sms_message m set provider_message_id = v.sid, sealed_body = null
      from (values :rows) v (id, sid) where m.id = v.id and m.provider_message_id is null""";

  private static final String ATTACH_ONE =
      """
      update sms_message set provider_message_id = :sid, sealed_body = null
      where id = :id and provider_message_id is null""";

  private final JdbcClient jdbc;
  private final DispatchTaskRows tasks;
  private final boolean postgres;

  ProviderIds(JdbcClient jdbc, DispatchTaskRows tasks, DataSource dataSource) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /**
   * sending → sent with the provider's id; the sealed text is no longer needed. The message's
   * dispatch task goes too unless another run holds it (that run ends its task itself), also when a
   * status callback already moved the row on; {@code heldTask} is the version of the task the
   * caller runs, or {@link DispatchTaskRows#NOT_HELD}.
   */
  boolean markSent(long id, String providerMessageId, long heldTask, Instant now) {
    return !markSentAll(Map.of(id, providerMessageId), Map.of(id, heldTask), now).isEmpty();
  }

  /**
   * {@link #markSent} of several rows at once: the ids that moved to sent. Their tasks go one
   * statement each, sent together (a JDBC batch, one round trip): each a lookup of the task's full
   * key. A churning task table's statistics are nearly always stale, and with a list of keys
   * PostgreSQL would look up the task name alone and filter every dead row of the table.
   */
  Set<Long> markSentAll(Map<Long, String> providerIds, Map<Long, Long> heldTasks, Instant now) {
    if (!postgres) {
      tasks.removeAll(heldTasks);
      return recordedOneByOne(SENT_ONE, providerIds, now);
    }
    String ended = "";
    if (providerIds.size() == 1) {
      ended = "with ended as (" + DispatchTaskRows.REMOVE + "), ";
    } else {
      tasks.removeAll(heldTasks);
    }
    var statement =
        jdbc.sql(
                (ended.isEmpty() ? "with " : ended)
                    + "moved as ("
                    + SENT
                    + " returning m.id, m.provider_message_id) "
                    + KEEP)
            .param("rows", rows(providerIds))
            .param("now", utc(now));
    if (!ended.isEmpty()) {
      long id = providerIds.keySet().iterator().next();
      statement = statement.params(DispatchTaskRows.of(id, heldTasks.get(id)));
    }
    return Set.copyOf(statement.query(Long.class).list());
  }

  /** Records the provider id of a row a status callback already moved on. */
  void attach(long id, String providerMessageId) {
    if (postgres) {
      jdbc.sql("with moved as (" + ATTACH + " returning m.id, m.provider_message_id) " + KEEP)
          .param("rows", rows(Map.of(id, providerMessageId)))
          .query(Long.class)
          .list();
    } else {
      recordedOneByOne(ATTACH_ONE, Map.of(id, providerMessageId), null);
    }
  }

  Optional<MessageRow> findMessage(String providerMessageId) {
    return jdbc.sql(
            "select "
                + MessageRow.COLUMNS
                + " from sms_message where id = (select message_id from sms_provider_id"
                + " where provider_message_id = :sid)")
        .param("sid", providerMessageId)
        .query(MessageRow::map)
        .optional();
  }

  /** Whether another message already carries this provider id. */
  boolean takenByOther(String providerMessageId, long id) {
    return jdbc.sql(
                "select count(*) from sms_provider_id"
                    + " where provider_message_id = :sid and message_id <> :id")
            .param("sid", providerMessageId)
            .param("id", id)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Runs {@code update} (H2) for each row, and keeps the id of each row it changed. */
  private Set<Long> recordedOneByOne(String update, Map<Long, String> providerIds, Instant now) {
    Set<Long> moved = new HashSet<>();
    providerIds.forEach(
        (id, sid) -> {
          var statement = jdbc.sql(update).param("id", id).param("sid", sid);
          if (now != null) {
            statement = statement.param("now", utc(now));
          }
          if (statement.update() == 1) {
            jdbc.sql(
                    "insert into sms_provider_id (provider_message_id, message_id)"
                        + " values (:sid, :id)")
                .param("sid", sid)
                .param("id", id)
                .update();
            moved.add(id);
          }
        });
    return moved;
  }

  private static List<Object[]> rows(Map<Long, String> providerIds) {
    return providerIds.entrySet().stream()
        .map(e -> new Object[] {e.getKey(), e.getValue()})
        .toList();
  }
}
