package com.allthrive.sms.costs;

import com.allthrive.sms.shared.UserId;

/** Erasure of what the cost records say about a user; called by the module that erases users. */
public interface CostRecords {

  /** Alerts about the user (their daily spend) stay, without naming them. */
  void forget(UserId user);
}
