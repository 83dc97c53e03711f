package com.allthrive.sms.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Each test class gets a database of its own: a fresh in-memory H2 database, or a fresh schema in
 * the local PostgreSQL database {@code test}.
 */
public final class TestDatabases {

  public static final String PG_URL = "jdbc:postgresql://localhost:5432/test";
  public static final String PG_USER = "postgres";

  private TestDatabases() {}

  public static void h2(DynamicPropertyRegistry registry) {
    String name = "t" + UUID.randomUUID().toString().replace("-", "");
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:"
                + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
  }

  public static void postgres(DynamicPropertyRegistry registry) {
    String schema = freshPostgresSchema();
    registry.add("spring.datasource.url", () -> PG_URL + "?currentSchema=" + schema);
    registry.add("spring.datasource.username", () -> PG_USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> schema);
    registry.add("spring.flyway.default-schema", () -> schema);
    registry.add("db-scheduler.polling-strategy", () -> "lock_and_fetch");
  }

  /** A data source on a fresh in-memory H2 database, for tests without Spring. */
  public static DataSource h2DataSource() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "sa",
        "");
  }

  /** A data source on a fresh schema of the local PostgreSQL, for tests without Spring. */
  public static DataSource postgresDataSource() {
    return new DriverManagerDataSource(
        PG_URL + "?currentSchema=" + freshPostgresSchema(), PG_USER, "");
  }

  /** Creates an empty schema in the local PostgreSQL and returns its name. */
  public static String freshPostgresSchema() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
      c.createStatement().execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + PG_URL, e);
    }
    return schema;
  }

  /**
   * Whether PostgreSQL takes a connection. Tries a few times over about ten seconds, so that a
   * moment when every connection slot is taken (other test JVMs on the same server) is not taken
   * for an absent server; says on stderr why each try failed. The answer is kept for the JVM.
   */
  static synchronized boolean postgresReachable() {
    if (postgresReachable == null) {
      postgresReachable = tryPostgres();
    }
    return postgresReachable;
  }

  private static Boolean postgresReachable;

  private static boolean tryPostgres() {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
        if (c.isValid(5)) {
          return true;
        }
      } catch (SQLException e) {
        System.err.println("PostgreSQL at " + PG_URL + " refused a connection: " + e.getMessage());
      }
      if (attempt == 5) {
        return false;
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
