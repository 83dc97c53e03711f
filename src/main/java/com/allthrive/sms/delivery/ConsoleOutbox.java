package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The texts the console provider "sent" lately, newest first, kept in memory only (never logged,
 * never stored) so the demo console can show them, verification codes included. Empty when another
 * provider is configured.
 */
public interface ConsoleOutbox {

  /** One text as it would have reached the phone. */
  record Entry(long messageId, PhoneNumber to, MessageType type, String body, Instant at) {}

  List<Entry> recent();

  /**
   * Calls {@code listener} with each text "sent" from now on, on the sending thread (so it must be
   * quick and must not throw); the returned handle stops it.
   */
  AutoCloseable subscribe(Consumer<Entry> listener);
}
