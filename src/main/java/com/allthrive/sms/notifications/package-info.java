/**
 * The touchpoints: platform events taken in exactly once per {@code Idempotency-Key}, one policy
 * decision per recipient recorded with its reason, message texts, and the messages handed to
 * delivery in the same transaction.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li>The policy's rules run in DESIGN's order and the first skip wins. A quiet-hours deferral
 *       does not stop the later rules, but a deferred message counts against the per-user limit
 *       when it goes out, not when it is deferred: its row says so ({@code quota_when_sent}) and
 *       delivery takes the quota in the transaction that claims it, canceling it as {@code
 *       rate_limited} when none is left.
 *   <li>The per-user and invitation limits slide ({@code SlidingLimiter}, GCRA): a burst of the
 *       limit, then one text per period / limit; race-free across instances, rolled back with a
 *       failed transaction, and given back when the spend cap refuses the message.
 *   <li>Rule 7, the daily spend cap, is applied by delivery's outbox when the message is written
 *       (it needs the final text's cost, and verification codes must draw on the reserve too); a
 *       refusal is recorded as {@code budget_exhausted}.
 *   <li>Texts are templates of fixed and user-supplied parts ({@code Template}). {@code TextFitter}
 *       cleans and smart-encodes the user parts (look-alikes to GSM-7), then shortens the longest
 *       user part by code points with {@code ...} while the text exceeds its type's segment budget
 *       ({@code SMS_SEGMENT_BUDGET}, 3). Under the default budget user parts are never shortened
 *       below the plan's limits, so a plan text arrives whole; a type with a budget of its own
 *       ({@code sms.notifications.segment-budgets.<type>}) is shortened as far as needed. Fixed
 *       parts never change. A touchpoint that passes a plain body gets none of this.
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
@ApplicationModule(allowedDependencies = {"accounts", "preferences", "delivery", "costs", "shared"})
package com.allthrive.sms.notifications;

import org.springframework.modulith.ApplicationModule;
