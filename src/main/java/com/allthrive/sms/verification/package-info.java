/**
 * Phone verification: a user asks for a code for a number ({@code POST
 * /api/v1/users/phone/request-verification}) and proves they received it ({@code POST
 * /api/v1/users/phone/verify}); success marks the number verified through {@code
 * Accounts.markVerified}, which publishes {@code PhoneVerified} with the consent evidence (IP, user
 * agent, disclosure text).
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Asking for a code for a number makes it the account's pending number ({@code
 *       pending_phone_number} in the preferences). A verified number stays in use, security alerts
 *       included, until the pending one is verified; only then does the new number take over, and
 *       the consent ledger records the old number's end ({@code number_changed}) and the new one's
 *       opt-in. An account without a verified number also takes the new number as its current,
 *       unverified one at once. {@code PUT /api/v1/me/phone} remains the explicit "replace now".
 *       One live code per user, a new one replaces the old.
 *   <li>A number on the opt-out list (it texted STOP, or Twilio reported 21610) gets no code: 409
 *       {@code number_opted_out}, whose detail says to text START to the service's number first.
 *       Nothing is queued or sent; Twilio would refuse it anyway.
 *   <li>A code is six digits from {@code SecureRandom}, lives 10 minutes and is stored only as
 *       HMAC-SHA256 under a key derived from {@code SMS_SECRET_KEY}, over user, number and code: it
 *       is bound to the user and to the number it was sent to. Verifying marks that number, and
 *       fails with {@code number_changed} when the account's number changed meanwhile, so a code
 *       for A never verifies B (the pending number counts as the account's). No slow hash: the code
 *       space is small, a code dies after five wrong guesses and ten minutes, so the key, not the
 *       hash cost, protects a leaked table.
 *   <li>Five wrong attempts kill a code (the fifth answer says {@code attempts_left: 0}); any
 *       further attempt, even the right code, gets 429 {@code too_many_attempts} until a new code
 *       is asked for. An expired code is 400 {@code code_expired}. Comparison is constant-time.
 *   <li>Both flows lock the account row first, then the verification row: a user's requests and
 *       checks run one at a time, and a code is spent by a conditional update, so two concurrent
 *       right answers verify once; the other gets 400 {@code no_pending_code}.
 *   <li>Limits, checked in this order inside one transaction, after the number, country and
 *       ownership checks: the resend cooldown (30 s after the first code, doubling with each code
 *       in a row up to one hour, starting over after an hour without codes), per client IP (20 an
 *       hour), per number (5 a clock hour), per user (10 a UTC day). A refusal rolls back the
 *       counters it took, so a refused or invalid request consumes nothing. Only numbers from
 *       allowed countries (US and CA by default; 400 {@code country_not_allowed}) that
 *       libphonenumber calls mobile or fixed-line-or-mobile (toll-free, landline: 400 {@code
 *       invalid_phone_number}) get codes.
 *   <li>The client IP is the request's remote address; behind a proxy set {@code
 *       server.forward-headers-strategy} so it is the real client's.
 *   <li>Asking again for the number the account has already verified is 409 {@code
 *       already_verified}; a number another account verified is 409 {@code number_taken}, at
 *       request and at verify time.
 *   <li>The SMS goes through the outbox with type {@code phone_verification}, priority high, a
 *       validity of the code's lifetime and key {@code verification:<user>:<code id>}; the log
 *       keeps the text with the code redacted. Application logs show masked numbers only, never
 *       codes.
 *   <li>Erasure deletes the user's verification row in the erasing transaction. Rate counters are
 *       short-lived windows and are left to expire.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"accounts", "delivery", "preferences", "shared"})
package com.allthrive.sms.verification;

import org.springframework.modulith.ApplicationModule;
