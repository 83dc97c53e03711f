package com.allthrive.sms.delivery;

/** Every kind of SMS the service sends, with its code in the log and the API. */
public enum MessageType {
  BATTLE_INVITATION,
  PHONE_VERIFICATION,
  DIRECT_MESSAGE,
  BATTLE_RESULT,
  ACHIEVEMENT_UNLOCK,
  CHALLENGE_REMINDER,
  SECURITY_ALERT,
  OTHER;

  public String code() {
    return name().toLowerCase();
  }

  public static MessageType fromCode(String code) {
    return valueOf(code.toUpperCase());
  }
}
