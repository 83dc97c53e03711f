package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.MessageStatus;
import java.util.List;

/** The provider's answer about an unanswered send. */
public sealed interface LookupOutcome {

  /** A message the provider holds that fits the lookup, with its id and reported status. */
  record Match(String providerMessageId, MessageStatus status) {}

  /** The provider holds messages that fit (same number and text, sent since), oldest first. */
  record Found(List<Match> matches) implements LookupOutcome {}

  /** The provider does not list it (yet). */
  record NotFound() implements LookupOutcome {}

  /** The provider could not be asked. */
  record Unavailable(String reason) implements LookupOutcome {}
}
