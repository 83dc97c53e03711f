package com.allthrive.sms.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties every table of the test's schema but Flyway's history, between tests of one class. */
public final class Tables {

  private Tables() {}

  public static void clear(JdbcClient jdbc) {
    List<String> tables =
        jdbc.sql(
                "select table_name from information_schema.tables where table_schema = current_schema"
                    + " and table_type in ('BASE TABLE', 'TABLE') and table_name <> 'flyway_schema_history'")
            .query(String.class)
            .list();
    List<String> left = new java.util.ArrayList<>(tables);
    for (int pass = 0; pass < tables.size() && !left.isEmpty(); pass++) {
      left.removeIf(table -> tryDelete(jdbc, table));
    }
    if (!left.isEmpty()) {
      throw new IllegalStateException("cannot empty tables " + left);
    }
  }

  /** Deletes every row; false when a foreign key from a not yet emptied table stands in the way. */
  private static boolean tryDelete(JdbcClient jdbc, String table) {
    try {
      jdbc.sql("delete from " + table).update();
      return true;
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      return false;
    }
  }
}
