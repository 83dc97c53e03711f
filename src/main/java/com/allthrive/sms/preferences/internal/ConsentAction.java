package com.allthrive.sms.preferences.internal;

import java.util.Locale;

/** What a consent ledger row records. */
public enum ConsentAction {
  /** the number agreed to receive texts: verification, or START */
  OPT_IN,
  /** the number refused texts: STOP, or the provider's opt-out report */
  OPT_OUT,
  CATEGORY_ON,
  CATEGORY_OFF,
  /** the user replaced this number: its consent ends with it */
  NUMBER_CHANGED,
  /** the user removed this number: its consent ends with it */
  NUMBER_REMOVED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ConsentAction fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
