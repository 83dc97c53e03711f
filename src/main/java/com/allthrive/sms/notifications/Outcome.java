package com.allthrive.sms.notifications;

/** What the policy decided for one recipient of an event. */
public enum Outcome {
  QUEUED,
  DEFERRED,
  SKIPPED;

  public String code() {
    return name().toLowerCase();
  }
}
