package com.allthrive.sms.shared;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database the service runs on, for the few statements PostgreSQL can do in one go. */
public final class Databases {

  private Databases() {}

  /** True on PostgreSQL; false on H2 (the embedded default). */
  public static boolean isPostgres(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database", e);
    }
  }
}
