package com.allthrive.sms.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code where} clause of a list query with optional filters: a condition joins only when its
 * value is given, and values always travel as bind parameters.
 */
public final class SqlWhere {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null. */
  public SqlWhere and(String condition, String name, Object value) {
    if (value != null) {
      conditions.add(condition);
      params.put(name, value);
    }
    return this;
  }

  /** Empty, or {@code " where a and b"}. */
  public String clause() {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  public Map<String, Object> params() {
    return params;
  }
}
