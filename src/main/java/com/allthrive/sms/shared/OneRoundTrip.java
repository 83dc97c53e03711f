package com.allthrive.sms.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Component;

/**
 * Statements sent to PostgreSQL together: the JDBC driver sends the messages of them all and waits
 * once, so a transaction pays one round trip for them instead of one each. On a busy machine each
 * round trip waits twice for a core (the server's backend, then the caller), so the round trips of
 * a transaction, more than its statements' work, make its latency. For statements that do not
 * depend on each other's results, such as the lookups of several modules about one page of
 * recipients. Elsewhere (H2) each statement runs on its own.
 */
@Component
public class OneRoundTrip {

  /**
   * A lookup that can share a round trip with others: its statements ({@code ;}-separated, {@code
   * ?} placeholders; a {@code String[]} parameter is bound as an array, for {@code = any(?)}, and a
   * {@link SqlParameterValue} with its type), of which exactly one returns rows, what reads those
   * rows, and the result once they have run. Without SQL it asks nothing; without a reader ({@link
   * #write}) none of its statements returns rows.
   */
  public record Lookup<T>(String sql, List<?> params, RowCallbackHandler rows, Supplier<T> result) {

    /** A lookup with nothing to ask: its result is already known. */
    public static <T> Lookup<T> answered(T result) {
      return new Lookup<>(null, List.of(), rs -> {}, () -> result);
    }

    /** Statements that return no rows, such as writes, to run with others. */
    public static Lookup<Void> write(String sql, List<?> params) {
      return new Lookup<>(sql, params, null, () -> null);
    }
  }

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  OneRoundTrip(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = Databases.isPostgres(dataSource);
  }

  /** Runs one lookup and gives its result. */
  public <T> T one(Lookup<T> lookup) {
    run(List.of(lookup));
    return lookup.result().get();
  }

  /** Runs the lookups, in one round trip on PostgreSQL, in the caller's transaction. */
  public void run(List<? extends Lookup<?>> lookups) {
    List<? extends Lookup<?>> asking = lookups.stream().filter(l -> l.sql() != null).toList();
    if (asking.isEmpty()) {
      return;
    }
    if (!postgres) {
      asking.forEach(
          l -> execute(l.sql(), l.params(), l.rows() == null ? List.of() : List.of(l.rows())));
      return;
    }
    execute(
        asking.stream().map(Lookup::sql).collect(Collectors.joining("; ")),
        asking.stream().flatMap(l -> l.params().stream()).toList(),
        asking.stream().map(Lookup::rows).filter(Objects::nonNull).toList());
  }

  private void execute(String sql, List<?> params, List<RowCallbackHandler> readers) {
    jdbc.execute(
        sql,
        (PreparedStatement statement) -> {
          bind(statement, params);
          int next = 0;
          boolean isResult = statement.execute();
          while (isResult || statement.getUpdateCount() != -1) {
            if (isResult) {
              RowCallbackHandler rows = readers.get(next++);
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

  private void bind(PreparedStatement statement, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object value = params.get(i);
      if (value instanceof String[] texts && postgres) {
        statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
      } else if (value instanceof SqlParameterValue typed) {
        StatementCreatorUtils.setParameterValue(statement, i + 1, typed, typed.getValue());
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
