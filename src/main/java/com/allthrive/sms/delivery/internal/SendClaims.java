package com.allthrive.sms.delivery.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.shared.BatchPace;
import com.allthrive.sms.shared.Databases;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sends a message: the moves into and out of {@code sending}, taken before the provider is
 * called. Each is one conditional statement, so of two dispatchers only one can win a row; a send
 * that crashed leaves the row {@code sending}, to be looked up, never resent blindly. On PostgreSQL
 * the claims of concurrent sends go out together ({@link GroupCommit}): one statement and one
 * commit for the rows claimed at the same moment, each row still claimed by its own condition.
 */
@Component
class SendClaims implements DisposableBean {

  private record Claim(long id, Instant now) {}

  private static final String CLAIM_DUE =
      """
      update sms_message m set status = 'sending', attempts = attempts + 1,
        send_started_at = :now, next_attempt_at = null, rate_slot = null, updated_at = :now
      where m.id in (:ids) and m.status = 'pending' and m.body is not null
        and m.expires_at > :now and not m.quota_when_sent
        and (m.next_attempt_at is null or m.next_attempt_at <= :now) and """;

  private static final String CLAIM =
      """
      update sms_message m set status = 'sending', attempts = attempts + 1,
        send_started_at = :now, next_attempt_at = null, quota_when_sent = false,
        rate_slot = null, updated_at = :now
      where m.id in (:ids) and m.status = 'pending' and m.attempts = :attempts and """;

  private final JdbcClient jdbc;
  private final SendConditions conditions;
  private final boolean postgres;
  private final GroupCommit<Claim, Optional<MessageRow>> due;
  private final GroupCommit<Claim, Boolean> fresh;

  SendClaims(
      JdbcClient jdbc,
      SendConditions conditions,
      DataSource dataSource,
      DeliverySettings settings,
      DeliveryMetrics metrics) {
    this.jdbc = jdbc;
    this.conditions = conditions;
    this.postgres = Databases.isPostgres(dataSource);
    int batch = postgres ? settings.statementBatch() : 1;
    this.due =
        new GroupCommit<>(
            "sms-claim-due",
            batch,
            2,
            new BatchPace(settings.statementPace()),
            claims -> {
              Map<Long, MessageRow> claimed =
                  claimDue(ids(claims), latest(claims)).stream()
                      .collect(Collectors.toMap(MessageRow::id, Function.identity()));
              return claims.stream().map(c -> Optional.ofNullable(claimed.get(c.id()))).toList();
            },
            c -> claimDue(List.of(c.id()), c.now()).stream().findFirst(),
            metrics.batchSizes("claim_due"));
    this.fresh =
        new GroupCommit<>(
            "sms-claim",
            batch,
            2,
            new BatchPace(settings.statementPace()),
            claims -> {
              Set<Long> claimed = claimFresh(ids(claims), latest(claims));
              return claims.stream().map(c -> claimed.contains(c.id())).toList();
            },
            c -> claim(c.id(), 0, c.now()),
            metrics.batchSizes("claim"));
  }

  /**
   * pending, due, unexpired, not erased, with no quota to take (see {@link QuotaClaims}) and
   * allowed by every {@link SendConditions send condition} → sending, in one statement, returning
   * the row as it now is (attempts already counted). Empty when the row is in any other state or a
   * condition fails, and always on H2, which cannot return from an update: the caller then reads
   * the row and decides.
   */
  Optional<MessageRow> claimDue(long id, Instant now) {
    if (!postgres) {
      return Optional.empty();
    }
    return due.run(new Claim(id, now));
  }

  private List<MessageRow> claimDue(List<Long> ids, Instant now) {
    return jdbc.sql(CLAIM_DUE + conditions.allHold() + " returning " + MessageRow.COLUMNS)
        .params(conditions.parameters())
        .param("ids", ids)
        .param("now", utc(now))
        .query(MessageRow::map)
        .list();
  }

  /**
   * A row inserted for the send right after commit, never attempted → sending, as {@link #claim}
   * with no attempt before.
   */
  boolean claimFresh(long id, Instant now) {
    return fresh.run(new Claim(id, now));
  }

  /**
   * pending after {@code attempts} attempts → sending, when every send condition holds: attempt
   * {@code attempts + 1} starts now. False when another path took the row first (its status or
   * attempt count moved) or a condition fails; see {@link Cancellations#refused}.
   */
  boolean claim(long id, int attempts, Instant now) {
    return jdbc.sql(CLAIM + conditions.allHold())
            .params(conditions.parameters())
            .param("ids", List.of(id))
            .param("attempts", attempts)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /** {@link #claim} of several never attempted rows at once (PostgreSQL): the ids claimed. */
  private Set<Long> claimFresh(List<Long> ids, Instant now) {
    return Set.copyOf(
        jdbc.sql(CLAIM + conditions.allHold() + " returning m.id")
            .params(conditions.parameters())
            .param("ids", ids)
            .param("attempts", 0)
            .param("now", utc(now))
            .query(Long.class)
            .list());
  }

  /**
   * A message inserted for the send right after commit that will not be sent that way after all
   * (too busy, stopping): due now, for the poller, unless another path already took it.
   */
  boolean release(long id, Instant now) {
    return jdbc.sql(
                """
                update sms_message set next_attempt_at = :now, updated_at = :now
                where id = :id and status = 'pending' and attempts = 0""")
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * sending → sending: a lost attempt was not found at the provider; a new one starts now, when
   * every send condition still holds.
   */
  boolean reclaim(long id, Instant previousStart, Instant now) {
    return jdbc.sql(
                """
                update sms_message m set attempts = attempts + 1, send_started_at = :now,
                  updated_at = :now
                where m.id = :id and m.status = 'sending' and m.send_started_at = :previous
                  and """
                    + conditions.allHold())
            .params(conditions.parameters())
            .param("id", id)
            .param("previous", utc(previousStart))
            .param("now", utc(now))
            .update()
        == 1;
  }

  private static List<Long> ids(List<Claim> claims) {
    return claims.stream().map(Claim::id).toList();
  }

  /** The batch claims at the moment its latest caller asked. */
  private static Instant latest(List<Claim> claims) {
    return claims.stream().map(Claim::now).max(Comparator.naturalOrder()).orElseThrow();
  }

  @Override
  public void destroy() {
    due.stop();
    fresh.stop();
  }
}
