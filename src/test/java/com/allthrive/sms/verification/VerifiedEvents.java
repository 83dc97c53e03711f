package com.allthrive.sms.verification;

import com.allthrive.sms.accounts.PhoneVerified;
import com.allthrive.sms.shared.UserId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.event.TransactionalEventListener;

/** The {@link PhoneVerified} events that committed. */
class VerifiedEvents {

  private final List<PhoneVerified> events = new CopyOnWriteArrayList<>();

  @TransactionalEventListener
  void on(PhoneVerified event) {
    events.add(event);
  }

  List<PhoneVerified> of(UserId user) {
    return events.stream().filter(e -> e.user().equals(user)).toList();
  }
}
