package com.allthrive.sms.shared;

import java.util.Collections;

/** The placeholders of a multi-row {@code values} list, for inserts that write a page at once. */
public final class SqlRows {

  private SqlRows() {}

  /** {@code (?, ?), (?, ?)} for two rows of two columns. */
  public static String values(int rows, int columns) {
    String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    return String.join(", ", Collections.nCopies(rows, row));
  }
}
