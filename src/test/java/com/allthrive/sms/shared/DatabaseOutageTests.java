package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTests {

  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void answers503WithRetryAfterWhenNoConnectionCanBeHad() {
    var error =
        new CannotCreateTransactionException(
            "no connection",
            new CannotGetJdbcConnectionException(
                "pool", new SQLTransientConnectionException("timed out")));

    var answer = handler.unexpected(error);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(answer.getBody().getProperties()).containsEntry("code", "database_unavailable");
  }

  @Test
  void answers503WhenTheServerEndedTheConnection() {
    var ended = new SQLException("terminating connection due to administrator command", "57P01");

    var answer = handler.unexpected(new UncategorizedSQLException("insert", "insert", ended));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void answers503WhenTheRollbackAfterALostConnectionFailsToo() {
    var ended = new SQLException("terminating connection due to administrator command", "57P01");
    var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("x"));
    rollback.initApplicationException(new UncategorizedSQLException("update", "update", ended));

    assertThat(handler.unexpected(rollback).getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void otherDatabaseErrorsStayInternalErrors() {
    var answer = handler.unexpected(new DataIntegrityViolationException("duplicate key"));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().getProperties()).containsEntry("code", "internal_error");
  }
}
