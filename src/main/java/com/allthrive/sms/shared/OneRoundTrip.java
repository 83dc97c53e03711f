package com.allthrive.sms.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Several statements sent to PostgreSQL together: the JDBC driver sends the messages of them all
 * and waits once, so a transaction pays one round trip for them instead of one each. On a busy
 * machine each round trip waits twice for a core (the server's backend, then the caller), so the
 * round trips of a transaction, more than its statements' work, make its latency. For statements
 * that do not depend on each other's results; the rows of each statement that returns any go to
 * {@code rows}, in order.
 */
public final class OneRoundTrip {

  private OneRoundTrip() {}

  /**
   * Runs {@code sql}, statements separated by {@code ;} with {@code ?} placeholders numbered across
   * all of them, in the caller's transaction. A parameter that is a {@code String[]} is bound as a
   * {@code text[]} (for {@code = any(?)}).
   */
  public static void run(JdbcTemplate jdbc, String sql, List<?> params, RowCallbackHandler rows) {
    jdbc.execute(
        sql,
        (PreparedStatement statement) -> {
          bind(statement, params);
          boolean isResult = statement.execute();
          while (isResult || statement.getUpdateCount() != -1) {
            if (isResult) {
              try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                  rows.processRow(rs);
                }
              }
            }
            isResult = statement.getMoreResults();
          }
          return null;
        });
  }

  private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object value = params.get(i);
      if (value instanceof String[] texts) {
        statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
