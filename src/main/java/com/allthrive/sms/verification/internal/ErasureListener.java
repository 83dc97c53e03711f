package com.allthrive.sms.verification.internal;

import com.allthrive.sms.accounts.AccountErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Erasure removes the user's codes in the erasing transaction. */
@Component
class ErasureListener {

  private final PendingCodes codes;

  ErasureListener(PendingCodes codes) {
    this.codes = codes;
  }

  @EventListener
  void on(AccountErased event) {
    codes.delete(event.user());
  }
}
