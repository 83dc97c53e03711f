package com.allthrive.sms.delivery;

import java.time.Duration;

/**
 * Every kind of SMS the service sends, with its code in the log and the API, and how long a message
 * of the kind stays worth sending when the sender sets no validity of its own (the delivery
 * settings' {@code defaultValidity} caps it).
 */
public enum MessageType {
  BATTLE_INVITATION(Duration.ofHours(4)),
  PHONE_VERIFICATION(Duration.ofMinutes(10)),
  DIRECT_MESSAGE(Duration.ofHours(1)),
  BATTLE_RESULT(Duration.ofHours(4)),
  ACHIEVEMENT_UNLOCK(Duration.ofHours(4)),
  CHALLENGE_REMINDER(Duration.ofHours(1)),
  SECURITY_ALERT(Duration.ofHours(1)),
  OTHER(Duration.ofHours(4));

  private final Duration defaultValidity;

  MessageType(Duration defaultValidity) {
    this.defaultValidity = defaultValidity;
  }

  public Duration defaultValidity() {
    return defaultValidity;
  }

  public String code() {
    return name().toLowerCase();
  }

  public static MessageType fromCode(String code) {
    return valueOf(code.toUpperCase());
  }
}
