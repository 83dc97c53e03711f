package com.allthrive.sms.costs.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.costs.UserCost;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cost per recipient user over a period, read from the period's messages through the log's {@code
 * created_at} index; the most expensive first, ties by user id, so pages never overlap. Erased
 * users' rows have no user any more and are left out.
 */
@Component
class UserCosts {

  /** One page of the listing and the number of users in the period. */
  record Page(List<UserCost> items, int page, int size, long total) {}

  private final JdbcClient jdbc;

  UserCosts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page list(Instant from, Instant to, int page, int size) {
    List<UserCost> items =
        jdbc.sql(
                """
                select recipient_user_id, count(*) as messages,
                  coalesce(sum(segments), 0) as segments,
                  coalesce(sum(estimated_cost), 0) as estimated_cost,
                  coalesce(sum(price), 0) as actual_cost,
                  coalesce(sum(coalesce(price, estimated_cost)), 0) as cost
                from sms_message
                where created_at >= :from and created_at < :to and recipient_user_id is not null
                group by recipient_user_id
                order by cost desc, recipient_user_id
                limit :size offset :offset""")
            .param("from", utc(from))
            .param("to", utc(to))
            .param("size", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new UserCost(
                        rs.getString("recipient_user_id"),
                        rs.getInt("messages"),
                        rs.getInt("segments"),
                        DailyReport.exact(rs.getBigDecimal("estimated_cost")),
                        DailyReport.exact(rs.getBigDecimal("actual_cost")),
                        DailyReport.exact(rs.getBigDecimal("cost"))))
            .list();
    long total =
        jdbc.sql(
                "select count(distinct recipient_user_id) from sms_message"
                    + " where created_at >= :from and created_at < :to")
            .param("from", utc(from))
            .param("to", utc(to))
            .query(Long.class)
            .single();
    return new Page(items, page, size, total);
  }
}
