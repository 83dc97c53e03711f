package com.allthrive.sms.notifications;

/** What the policy decided for one recipient of an event. */
public enum Outcome {
  QUEUED,
  DEFERRED,
  SKIPPED,
  /** Queued or deferred, then refused when it was due to be sent (STOP, category off, ...). */
  CANCELED;

  public String code() {
    return name().toLowerCase();
  }
}
