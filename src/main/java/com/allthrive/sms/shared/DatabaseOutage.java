package com.allthrive.sms.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database connection (server restarting, connection ended, pool empty) from
 * a fault in the request: the former is worth retrying in a moment, so the API answers 503 {@code
 * database_unavailable} with {@code Retry-After} instead of a 500.
 */
final class DatabaseOutage {

  private DatabaseOutage() {}

  /** Whether {@code error}, or anything that caused it, says the database cannot be reached. */
  static boolean causedBy(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransactionSystemException failed
          && failed.getOriginalException() != null
          && causedBy(failed.getOriginalException())) {
        return true;
      }
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof RecoverableDataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || (t instanceof SQLException sql && connectionLost(sql))) {
        return true;
      }
    }
    return false;
  }

  /** The pool's own "Connection is closed" carries no SQL state. */
  private static boolean connectionLost(SQLException error) {
    return connectionState(error.getSQLState())
        || (error.getSQLState() == null && "Connection is closed".equals(error.getMessage()));
  }

  /**
   * SQL states of a lost or refused connection: class 08 (connection exception), 57P01-57P03
   * (administrator or crash shutdown, cannot connect now) and 53300 (too many connections).
   */
  private static boolean connectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("53300"));
  }
}
