package com.allthrive.sms.preferences;

/**
 * The SMS categories a user can switch off, with the field that carries each in the preferences
 * object. Security alerts are not one: they are always sent (unless the number said STOP).
 */
public enum Category {
  INVITATIONS("allow_sms_invitations"),
  DIRECT_MESSAGES("allow_sms_dm_notifications"),
  BATTLE_RESULTS("allow_sms_battle_results"),
  ACHIEVEMENT_UNLOCKS("allow_sms_achievement_unlocks"),
  CHALLENGE_REMINDERS("allow_sms_challenge_reminders");

  private final String field;

  Category(String field) {
    this.field = field;
  }

  /** The snake_case field (and column) name, e.g. {@code allow_sms_dm_notifications}. */
  public String field() {
    return field;
  }

  /** The code in the consent ledger, e.g. {@code direct_messages}. */
  public String code() {
    return name().toLowerCase();
  }
}
