package com.allthrive.sms.delivery.provider;

/**
 * Sends one text and, when a send's outcome was lost, finds out whether it arrived. Answers are
 * outcomes, never exceptions: only a bug escapes as one.
 */
public interface SmsProvider {

  /** The provider's code in the log ({@code twilio}, {@code console}). */
  String name();

  SendOutcome send(SendRequest request);

  /** Looks for a message this service sent whose answer was lost (a read timeout). */
  LookupOutcome lookup(LookupRequest request);
}
