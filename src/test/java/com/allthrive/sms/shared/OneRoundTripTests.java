package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Lookups of several tables sent together: each gets its own rows, in the caller's transaction. */
class OneRoundTripTests {

  abstract static class Contract {

    final JdbcTemplate jdbc;
    final OneRoundTrip roundTrip;
    final TransactionTemplate tx;

    Contract(DataSource dataSource) {
      this.jdbc = new JdbcTemplate(dataSource);
      this.roundTrip = new OneRoundTrip(jdbc, dataSource);
      this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
      jdbc.execute("create table fruit (name varchar(20) primary key, colour varchar(20))");
      jdbc.execute("create table tree (name varchar(20) primary key, fruit varchar(20))");
      jdbc.update("insert into fruit values ('apple', 'red'), ('pear', 'green'), ('plum', 'blue')");
      jdbc.update("insert into tree values ('malus', 'apple'), ('pyrus', 'pear')");
    }

    @Test
    void eachLookupGetsTheRowsOfItsOwnStatementWithItsOwnParameters() {
      var colours =
          lookup(
              "select colour from fruit where name = any(?) order by colour",
              "apple",
              "plum",
              "kiwi");
      var trees = lookup("select name from tree where fruit = any(?)", "pear");
      var none = OneRoundTrip.Lookup.answered(List.of("known"));
      var empty = lookup("select name from tree where fruit = any(?)", "kiwi");

      tx.executeWithoutResult(s -> roundTrip.run(List.of(colours, none, trees, empty)));

      assertThat(colours.result().get()).containsExactly("blue", "red");
      assertThat(trees.result().get()).containsExactly("pyrus");
      assertThat(none.result().get()).containsExactly("known");
      assertThat(empty.result().get()).isEmpty();
    }

    @Test
    void seesTheCallersUncommittedWrites() {
      var found =
          tx.execute(
              s -> {
                jdbc.update("insert into fruit values ('fig', 'purple')");
                return roundTrip.one(lookup("select colour from fruit where name = any(?)", "fig"));
              });

      assertThat(found).containsExactly("purple");
    }

    @Test
    void aFailingStatementFailsTheCall() {
      var bad = lookup("select colour from no_such_table where name = any(?)", "apple");

      assertThatThrownBy(() -> tx.executeWithoutResult(s -> roundTrip.run(List.of(bad))))
          .isInstanceOf(DataAccessException.class);
    }

    @Test
    void writesRunInTheirPlaceAmongTheLookupsWithTypedNulls() {
      var before = lookup("select name from fruit where name = any(?)", "fig");
      var write =
          OneRoundTrip.Lookup.write(
              "insert into fruit values (?, ?)",
              List.of("fig", new SqlParameterValue(Types.VARCHAR, null)));
      var after = lookup("select name from fruit where colour is null and name = any(?)", "fig");

      tx.executeWithoutResult(s -> roundTrip.run(List.of(before, write, after)));

      assertThat(before.result().get()).isEmpty();
      assertThat(after.result().get()).containsExactly("fig");
    }

    static OneRoundTrip.Lookup<List<String>> lookup(String sql, String... keys) {
      List<String> rows = new ArrayList<>();
      return new OneRoundTrip.Lookup<>(
          sql, List.of((Object) keys), rs -> rows.add(rs.getString(1)), () -> rows);
    }
  }

  @Nested
  class OnH2 extends Contract {
    OnH2() {
      super(TestDatabases.h2DataSource());
    }
  }

  @Nested
  @RequiresPostgres
  class OnPostgres extends Contract {
    OnPostgres() {
      super(TestDatabases.postgresDataSource());
    }

    /** A lookup of several statements (a setting around its select) shares the round trip. */
    @Test
    void aLookupMaySetASettingAroundItsSelect() {
      List<String> during = new ArrayList<>();
      var setting =
          new OneRoundTrip.Lookup<>(
              "set local plan_cache_mode = force_custom_plan;"
                  + " select current_setting('plan_cache_mode') where ? = 1;"
                  + " set local plan_cache_mode to default",
              List.of(1),
              rs -> during.add(rs.getString(1)),
              () -> during);
      List<String> seen = new ArrayList<>();
      var inside =
          new OneRoundTrip.Lookup<>(
              "select current_setting('plan_cache_mode') where ? = 1",
              List.of(1),
              rs -> seen.add(rs.getString(1)),
              () -> seen);
      var colours = lookup("select colour from fruit where name = any(?)", "pear");

      tx.executeWithoutResult(s -> roundTrip.run(List.of(setting, inside, colours)));

      assertThat(setting.result().get()).containsExactly("force_custom_plan");
      assertThat(inside.result().get()).containsExactly("auto");
      assertThat(colours.result().get()).containsExactly("green");
    }

    /**
     * A transaction's {@code COMMIT} may ride with its last statement: it commits what came before
     * only when every statement succeeded, and the transaction manager's own commit then finds
     * nothing left to do.
     */
    @Test
    void aCommitWithTheLastStatementCommitsOnlyWhenEveryStatementSucceeded() {
      tx.executeWithoutResult(
          s ->
              roundTrip.run(
                  List.of(
                      OneRoundTrip.Lookup.write(
                          "insert into tree values ('ficus', 'fig')", List.of()),
                      OneRoundTrip.Lookup.write(
                          "insert into fruit values ('fig', 'purple'); commit", List.of()))));

      assertThat(jdbc.queryForList("select fruit from tree where name = 'ficus'", String.class))
          .containsExactly("fig");
      assertThat(jdbc.queryForList("select colour from fruit where name = 'fig'", String.class))
          .containsExactly("purple");

      assertThatThrownBy(
              () ->
                  tx.executeWithoutResult(
                      s ->
                          roundTrip.run(
                              List.of(
                                  OneRoundTrip.Lookup.write(
                                      "insert into fruit values ('kiwi', 'green')", List.of()),
                                  OneRoundTrip.Lookup.write(
                                      "insert into fruit values ('apple', 'red'); commit",
                                      List.of())))))
          .isInstanceOf(DuplicateKeyException.class);

      assertThat(jdbc.queryForList("select name from fruit where name = 'kiwi'", String.class))
          .as("nothing of the failed transaction committed")
          .isEmpty();
    }
  }
}
