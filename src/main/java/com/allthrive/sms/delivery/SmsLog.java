package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.UserId;

/** Reading and erasing the SMS log. */
public interface SmsLog {

  /** Erasure: the user's rows stay for accounting, with the number masked and the body removed. */
  int anonymize(UserId user);
}
