package com.allthrive.sms.shared;

import java.util.Map;

/**
 * The tables a module owns and what erasing a user does to each. Every module declares its tables
 * as a bean of this type; every table of the schema is declared by exactly one module, so a new
 * table is classified before it ships (a test compares the declarations with the schema).
 *
 * @param tables table name to what erasure does to its rows
 */
public record PersonalData(Map<String, Erasure> tables) {

  /** What erasing a user leaves of them in a table. */
  public enum Erasure {
    /** The user's rows are deleted. */
    DELETED,
    /** The rows stay (counts, costs, audit) without the user id or the full number. */
    ANONYMIZED,
    /**
     * The rows stay without the user id but keep the number: they are the number holder's record
     * (an opt-out, a consent statement), not the account's.
     */
    NUMBER_KEPT,
    /** The table holds no personal data (HMAC-keyed counters, task bookkeeping). */
    NONE_HELD
  }

  public PersonalData {
    tables = Map.copyOf(tables);
  }
}
