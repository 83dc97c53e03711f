package com.allthrive.sms.preferences;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the preferences module: the texts answered to keywords. In every text {@code {brand}}
 * is replaced by the brand name. Blank values fall back to the defaults below.
 *
 * @param brandName the brand in keyword replies ({@code SMS_BRAND_NAME})
 * @param helpText the answer to HELP and INFO
 * @param stopText the single confirmation answered to STOP
 * @param startText the answer to START
 * @param replyWhenProviderFlagged answer keywords Twilio flagged with {@code OptOutType} too; off
 *     by default because with Advanced Opt-Out Twilio has already sent its own reply
 */
@ConfigurationProperties("sms.preferences")
public record PreferencesSettings(
    String brandName,
    String helpText,
    String stopText,
    String startText,
    boolean replyWhenProviderFlagged) {

  public static final String DEFAULT_HELP =
      "{brand}: alerts about your community activity and account security. Msg frequency varies."
          + " Msg & data rates may apply. Reply STOP to unsubscribe.";
  public static final String DEFAULT_STOP =
      "You have been unsubscribed from {brand} texts. No more messages will be sent."
          + " Reply START to resubscribe.";
  public static final String DEFAULT_START =
      "You have been resubscribed to {brand} texts. Msg & data rates may apply."
          + " Reply HELP for help, STOP to unsubscribe.";

  public PreferencesSettings {
    brandName = orDefault(brandName, "AllThrive");
    helpText = orDefault(helpText, DEFAULT_HELP);
    stopText = orDefault(stopText, DEFAULT_STOP);
    startText = orDefault(startText, DEFAULT_START);
  }

  public String help() {
    return branded(helpText);
  }

  public String stopConfirmation() {
    return branded(stopText);
  }

  public String startConfirmation() {
    return branded(startText);
  }

  private String branded(String text) {
    return text.replace("{brand}", brandName);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
