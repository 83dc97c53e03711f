package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.SmsCanceled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A message the policy let through and delivery canceled before sending shows in the decisions with
 * its reason, in the transaction that canceled it.
 */
@Component
class CanceledMessages {

  private final DecisionLog decisions;

  CanceledMessages(DecisionLog decisions) {
    this.decisions = decisions;
  }

  @EventListener
  void on(SmsCanceled event) {
    decisions.canceled(event.messageId(), event.reason(), event.at());
  }
}
