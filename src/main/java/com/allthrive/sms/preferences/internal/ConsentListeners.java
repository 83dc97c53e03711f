package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.accounts.AccountErased;
import com.allthrive.sms.accounts.PhoneNumberChanged;
import com.allthrive.sms.accounts.PhoneVerified;
import com.allthrive.sms.delivery.ProviderOptOutReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to other modules' events synchronously, inside the transaction that published them: the
 * consent record commits with its cause, or neither does.
 */
@Component
class ConsentListeners {

  private final ConsentRecorder recorder;
  private final PreferencesRepository preferences;

  ConsentListeners(ConsentRecorder recorder, PreferencesRepository preferences) {
    this.recorder = recorder;
    this.preferences = preferences;
  }

  @EventListener
  void on(PhoneVerified event) {
    recorder.verified(event);
  }

  @EventListener
  void on(PhoneNumberChanged event) {
    recorder.numberChanged(event);
  }

  /** Twilio error 21610: the carrier says the number opted out, whatever our list said. */
  @EventListener
  void on(ProviderOptOutReported event) {
    recorder.optOut(
        event.number(),
        ConsentMethod.PROVIDER,
        "sms_message/" + event.messageId(),
        null,
        event.at());
  }

  /** The preferences go; the ledger rows stay anonymized; the number's opt-out stays. */
  @EventListener
  void on(AccountErased event) {
    preferences.delete(event.user());
    recorder.forget(event.user());
  }
}
