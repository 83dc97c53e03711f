package com.allthrive.sms.preferences.web;

import com.allthrive.sms.preferences.internal.ConsentEntry;
import java.time.Instant;

/** A consent ledger row as the history endpoints answer it. */
record ConsentEntryView(
    long id,
    String phoneNumber,
    String userId,
    String action,
    String category,
    String method,
    Instant occurredAt,
    String ip,
    String userAgent,
    String disclosureText,
    String reference) {

  static ConsentEntryView of(ConsentEntry e) {
    return new ConsentEntryView(
        e.id(),
        e.phoneNumber(),
        e.userId(),
        e.action().code(),
        e.category(),
        e.method().code(),
        e.occurredAt(),
        e.ip(),
        e.userAgent(),
        e.disclosureText(),
        e.reference());
  }
}
