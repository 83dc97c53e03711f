package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.AccountErased;
import com.allthrive.sms.delivery.SmsLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasure reaches the SMS log: the user's rows stay for accounting, with the number masked and the
 * body removed, in the erasing transaction. Delivery cannot listen to accounts itself, so the
 * module that uses both does it.
 */
@Component
class SmsLogErasure {

  private final SmsLog log;

  SmsLogErasure(SmsLog log) {
    this.log = log;
  }

  @EventListener
  void on(AccountErased event) {
    log.anonymize(event.user());
  }
}
