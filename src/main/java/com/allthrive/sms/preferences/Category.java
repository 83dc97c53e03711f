package com.allthrive.sms.preferences;

/** The SMS categories a user can switch off. Security alerts are not one: they are always sent. */
public enum Category {
  INVITATIONS,
  DIRECT_MESSAGES,
  BATTLE_RESULTS,
  ACHIEVEMENT_UNLOCKS,
  CHALLENGE_REMINDERS
}
