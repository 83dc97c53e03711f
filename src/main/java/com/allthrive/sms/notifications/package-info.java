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
 *   <li><b>A page's reads in one round trip.</b> The accounts of all the recipients of a batch of
 *       events are read in one query; then, before the rules run on a page of recipients (a batch,
 *       or a page of a reminder), everything they read is asked in one round trip ({@code
 *       ReadAhead}, {@code shared.OneRoundTrip}): the duplicate check, opt-outs, consent, category,
 *       quiet hours and the holders of raw numbers. These are the same reads as the rules' own, in
 *       the same transaction (read committed), only sent together; a rule reads for itself what was
 *       not read ahead (the category of an invitation whose number an account holds). On a busy
 *       machine each round trip waits for a core twice, so this shortens the transaction that every
 *       event of the batch waits for. The ids of the page's messages are taken from the messages'
 *       sequence in the same round trip, so the messages with their tasks, the decisions, the
 *       events' keys with their answers and the {@code COMMIT} go in one last round trip: a key
 *       found taken there (an event sent again, or a message key another transaction wrote
 *       meanwhile) fails it, nothing commits, and the batch runs again claiming its keys first.
 *   <li><b>Direct messages.</b> Rule 4 (after the category, before quiet hours) skips a recipient
 *       who is online ({@code recipient_online}, asked of the presence module; presence that cannot
 *       be asked counts as offline) and a second text for the same thread and recipient within
 *       {@code SMS_DM_DEBOUNCE} (5 minutes, {@code debounced}). The debounce slot is a conditional
 *       update of the row {@code dm_debounce(thread, recipient)}, so concurrent events on any
 *       number of instances let exactly one text through; a later rule that refuses the message
 *       (quiet hours past its use, the per-user limit) gives the slot back. The sender listed among
 *       the recipients gets no text ({@code own_message}). The preview is cleaned like every user
 *       value, then cut at 50 code points followed by {@code ...}.
 *   <li><b>Challenge reminders.</b> {@code PUT /api/v1/platform/challenges/{id}} stores the
 *       challenge and its participants and schedules two db-scheduler executions ({@code
 *       challenge-reminder}, 24 hours and 1 hour before the deadline) in the same transaction; a
 *       second PUT replaces title, deadline and participants. Every PUT gives the challenge a new
 *       version and schedules that version's executions ({@code <window>@<version>:<id>}, created
 *       if absent, so a PUT never waits for nor fails on a run in progress); the idle executions of
 *       the version replaced are removed, and a run of a version the challenge no longer has
 *       (moved, deleted) sends and records nothing, checked again by every page. A window whose
 *       moment passed more than {@code SMS_REMINDER_GRACE} (15 minutes) ago is not scheduled, and a
 *       run later than that sends nothing: a challenge created 10 hours before its deadline gets
 *       the 1-hour reminder only, and no "24 hours" text ever goes out with less time left than the
 *       grace allows. A text deferred by quiet hours states the true time left at its end (rounded
 *       down, e.g. "21 hours"); one whose quiet hours end after the deadline is skipped ({@code
 *       quiet_hours_expired}). A text waits at most the grace, and never past the deadline, before
 *       it expires unsent.
 *   <li><b>Once per participant and window.</b> The run reads the participants who have not
 *       submitted in pages of 500 by id, decides up to {@code SMS_REMINDER_PARALLELISM} (4) pages
 *       at once, each page decided and queued in a transaction of its own, and claims each reminder
 *       with a row of {@code challenge_reminder} (primary key: challenge, participant, window) in
 *       that transaction. A rerun, a restart or a second instance skips whoever was done; a second
 *       PUT with a moved deadline never repeats a reminder already sent. A submission ends the
 *       participant's reminders; DELETE cancels the executions and forgets the challenge (the
 *       claims stay). Texts already queued (deferred) are re-checked when they go out like every
 *       message, and also against the challenge: one whose challenge was deleted, whose recipient
 *       was removed from it or submitted meanwhile ends canceled ({@code challenge_deleted}, {@code
 *       participant_removed}, {@code challenge_submitted}).
 * </ul>
 */
@ApplicationModule(
    allowedDependencies = {"accounts", "preferences", "presence", "delivery", "costs", "shared"})
package com.allthrive.sms.notifications;

import org.springframework.modulith.ApplicationModule;
