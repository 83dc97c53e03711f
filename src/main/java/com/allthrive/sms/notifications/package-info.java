/**
 * The touchpoints: platform events taken in exactly once per {@code Idempotency-Key}, one policy
 * decision per recipient recorded with its reason, message texts, and the messages handed to
 * delivery in the same transaction.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li>The policy's rules run in DESIGN's order and the first skip wins. A quiet-hours deferral
 *       does not stop the later rules: a deferred message is accepted for sending, so it counts
 *       against the per-user limit like any other.
 *   <li>Limits are fixed windows counted in the database ({@code WindowCounter}), race-free across
 *       instances, and rolled back with a failed transaction.
 *   <li>A battle invitation goes to a raw number: it is limited per inviter and per number per day,
 *       and refused when any account holding the number has switched invitations off. One
 *       invitation id yields one message, whatever the idempotency key.
 *   <li>Rule 1 is decided again when a message is sent ({@code RecipientSendConditions}): the
 *       recipient still exists ({@code unknown_recipient}) and still has the message's number
 *       verified ({@code number_changed}); invitations and verification codes skip the second
 *       check. A message delivery cancels (any send-time reason, or a STOP while it waited) is
 *       recorded as a further decision for the same event and recipient, outcome {@code canceled},
 *       with the reason, in the cancelling transaction ({@code GET
 *       /api/v1/admin/decisions?reason=...}).
 *   <li>Limits are spent only on messages accepted for sending: a message already queued under the
 *       same message key (the same invitation, achievement or result under another {@code
 *       Idempotency-Key}) is answered {@code skipped}/{@code duplicate} before any rule runs, and
 *       an invitation's limits are counted after the opt-out and category rules.
 *   <li>The same key with the same body (member order and whitespace aside) answers the first
 *       answer again; the same key with another body is a 409.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"accounts", "preferences", "delivery", "shared"})
package com.allthrive.sms.notifications;

import org.springframework.modulith.ApplicationModule;
