package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;

/**
 * One immutable row of the consent ledger.
 *
 * @param id assigned by the database (null before the row is stored)
 * @param phoneNumber the number concerned (E.164); null for a category change of a user without a
 *     number
 * @param userId the account concerned; null for a keyword from a number no account uses, and after
 *     the account was erased
 * @param category the category code for {@code CATEGORY_ON/OFF}, else null
 * @param disclosureText the text the person was shown when the change happened
 * @param reference the provider's message id, or the SMS log id, that caused the row
 */
public record ConsentEntry(
    Long id,
    String phoneNumber,
    String userId,
    ConsentAction action,
    String category,
    ConsentMethod method,
    Instant occurredAt,
    String ip,
    String userAgent,
    String disclosureText,
    String reference) {

  public ConsentEntry {
    ip = cap(ip, 64);
    userAgent = cap(userAgent, 512);
    disclosureText = cap(disclosureText, 1000);
    reference = cap(reference, 64);
  }

  /** A new row, before it is stored. */
  static ConsentEntry of(
      PhoneNumber number, UserId user, ConsentAction action, ConsentMethod method, Instant at) {
    return new ConsentEntry(
        null,
        number == null ? null : number.e164(),
        user == null ? null : user.value(),
        action,
        null,
        method,
        at,
        null,
        null,
        null,
        null);
  }

  ConsentEntry withCategory(String code) {
    return new ConsentEntry(
        id,
        phoneNumber,
        userId,
        action,
        code,
        method,
        occurredAt,
        ip,
        userAgent,
        disclosureText,
        reference);
  }

  ConsentEntry withEvidence(String ip, String userAgent, String disclosureText) {
    return new ConsentEntry(
        id,
        phoneNumber,
        userId,
        action,
        category,
        method,
        occurredAt,
        ip,
        userAgent,
        disclosureText,
        reference);
  }

  ConsentEntry withReference(String reference) {
    return new ConsentEntry(
        id,
        phoneNumber,
        userId,
        action,
        category,
        method,
        occurredAt,
        ip,
        userAgent,
        disclosureText,
        reference);
  }

  private static String cap(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
  }
}
