package com.allthrive.sms.web.demo;

import com.allthrive.sms.delivery.ConsoleOutbox;
import java.time.Instant;

/** One text of the console outbox as the demo console shows it: full number, full text. */
record OutboxView(long messageId, String to, String messageType, String body, Instant sentAt) {

  static OutboxView of(ConsoleOutbox.Entry entry) {
    return new OutboxView(
        entry.messageId(), entry.to().e164(), entry.type().code(), entry.body(), entry.at());
  }
}
