package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.AccountErased;
import com.allthrive.sms.costs.CostRecords;
import com.allthrive.sms.delivery.SmsLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasure reaches the SMS log: the user's rows stay for accounting, with the number masked and the
 * body removed, and cost alerts lose the user's id, in the erasing transaction. Delivery cannot
 * listen to accounts itself, so the module that uses both does it.
 */
@Component
class SmsLogErasure {

  private final SmsLog log;
  private final CostRecords costs;

  SmsLogErasure(SmsLog log, CostRecords costs) {
    this.log = log;
    this.costs = costs;
  }

  @EventListener
  void on(AccountErased event) {
    log.anonymize(event.user());
    costs.forget(event.user());
  }
}
