package com.allthrive.sms.accounts;

/**
 * SQL fragments about accounts for statements other modules compose (the send-time conditions of
 * delivery), so that the {@code account} table stays this module's own. Each takes the SQL
 * expressions of a user id and a number and yields a boolean expression.
 */
public final class AccountSql {

  private AccountSql() {}

  /** The user is provisioned (not erased). */
  public static String exists(String user) {
    return "exists (select 1 from account a where a.user_id = " + user + ")";
  }

  /** The user's verified number is {@code number}. */
  public static String hasVerified(String user, String number) {
    return "exists (select 1 from account a where a.user_id = "
        + user
        + " and a.verified_phone = "
        + number
        + ")";
  }

  /** The user's current number (verified or not) is {@code number}. */
  public static String uses(String user, String number) {
    return "exists (select 1 from account a where a.user_id = "
        + user
        + " and a.phone_number = "
        + number
        + ")";
  }
}
