package com.allthrive.sms.preferences.internal;

/** What an inbound text asks for. */
public enum Keyword {
  /** put the number on the opt-out list */
  STOP,
  /** take the number off the opt-out list */
  START,
  /** answer who we are and how to stop */
  HELP,
  /** an ordinary text: no action, no reply */
  NONE
}
