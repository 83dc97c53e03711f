package com.allthrive.sms.retention;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads every table of the test's schema as text, to search it for a user's traces. */
final class TableScan {

  private final JdbcClient jdbc;

  TableScan(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> tables() {
    return jdbc.sql(
            "select table_name from information_schema.tables where table_schema = current_schema"
                + " and table_type in ('BASE TABLE', 'TABLE')")
        .query(String.class)
        .list();
  }

  /** True when any cell of the table (binary cells read as Latin-1) contains the text. */
  boolean contains(String table, String text) {
    return cells(table).stream().anyMatch(cell -> cell.contains(text));
  }

  private List<String> cells(String table) {
    List<String> cells = new ArrayList<>();
    jdbc.sql("select * from " + table).query((ResultSet rs) -> addRow(rs, cells));
    return cells;
  }

  private static void addRow(ResultSet rs, List<String> cells) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    for (int i = 1; i <= columns; i++) {
      Object value = rs.getObject(i);
      if (value instanceof byte[] bytes) {
        cells.add(new String(bytes, StandardCharsets.ISO_8859_1));
      } else if (value != null) {
        cells.add(String.valueOf(value));
      }
    }
  }
}
