package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
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
  }
}
