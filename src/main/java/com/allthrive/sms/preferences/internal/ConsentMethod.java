package com.allthrive.sms.preferences.internal;

import java.util.Locale;

/** How a consent change reached the service. */
public enum ConsentMethod {
  /** the user, through the web (their token) */
  WEB,
  /** a keyword texted from the number */
  SMS_KEYWORD,
  /** the platform, with its API key */
  API,
  /** the SMS provider (Twilio error 21610) */
  PROVIDER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ConsentMethod fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
