package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.DeliverySettings;

/** Refuses to start Twilio without credentials or a sender, naming the missing variable. */
final class TwilioSettingsCheck {

  private TwilioSettingsCheck() {}

  static void requireComplete(DeliverySettings settings) {
    DeliverySettings.Twilio twilio = settings.twilio();
    require(twilio.accountSid(), "TWILIO_ACCOUNT_SID");
    require(twilio.authToken(), "TWILIO_AUTH_TOKEN");
    if (!TwilioProvider.hasText(twilio.phoneNumber())
        && !TwilioProvider.hasText(twilio.messagingServiceSid())) {
      throw missing("TWILIO_PHONE_NUMBER or TWILIO_MESSAGING_SERVICE_SID");
    }
    require(twilio.apiBaseUrl(), "TWILIO_API_BASE_URL");
  }

  private static void require(String value, String variable) {
    if (!TwilioProvider.hasText(value)) {
      throw missing(variable);
    }
  }

  private static IllegalStateException missing(String variable) {
    return new IllegalStateException(
        "Missing setting " + variable + " (required because SMS_PROVIDER=twilio)");
  }
}
