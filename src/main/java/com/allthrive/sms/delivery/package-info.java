/**
 * Delivery: the SMS log, the outbox and its dispatcher, the providers (Twilio, console), retries,
 * the error taxonomy, segment counting, Twilio's status and inbound webhooks, and the log listings.
 * Other modules use {@link com.allthrive.sms.delivery.SmsOutbox}, {@link
 * com.allthrive.sms.delivery.SmsLog}, {@link com.allthrive.sms.delivery.SmsCancellations}, {@link
 * com.allthrive.sms.delivery.ConsoleOutbox}, the SPIs {@link
 * com.allthrive.sms.delivery.InboundSmsHandler}, {@link com.allthrive.sms.delivery.SendCondition}
 * and {@link com.allthrive.sms.delivery.MessageCosts}, and the events {@link
 * com.allthrive.sms.delivery.SmsPriced}, {@link com.allthrive.sms.delivery.SmsStatusChanged},
 * {@link com.allthrive.sms.delivery.SmsCanceled} and {@link
 * com.allthrive.sms.delivery.ProviderOptOutReported}, all published synchronously inside the
 * transaction that records the change.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li><b>One transaction.</b> {@code enqueue} writes the log row and its db-scheduler execution
 *       ({@code sms-dispatch}, instance id = message id) in the caller's transaction: a rollback
 *       leaves nothing to send, a crash after commit leaves a due execution that any instance picks
 *       up after a restart.
 *   <li><b>Decided again at send time.</b> Delivery may use only {@code shared}, so the rules it
 *       re-checks come from the modules that own the data: each contributes {@link
 *       com.allthrive.sms.delivery.SendCondition} beans (a reason, a precedence and an SQL
 *       predicate over the row {@code m}); preferences: {@code opted_out}, {@code no_consent},
 *       {@code category_off}; notifications: {@code unknown_recipient}, {@code number_changed}
 *       (with {@code accounts.AccountSql}), and for challenge reminders {@code challenge_deleted},
 *       {@code participant_removed}, {@code challenge_submitted}. They are composed once at start
 *       ({@code SendConditions}) into the claim itself, so claiming and checking is one statement
 *       and a due message costs no extra round trip. A claim that fails only because a condition
 *       fails is followed (cold path) by one transaction that sets the row {@code canceled} with
 *       the first failing reason in {@code error_code}, removes its task and publishes {@code
 *       SmsStatusChanged} and {@code SmsCanceled}; notifications records the latter as a decision
 *       with outcome {@code canceled} and that reason. Invitations (no recipient) skip the user
 *       checks; verification codes skip consent and the verified-number check (they go to the
 *       number being verified); security alerts have no category.
 *   <li><b>STOP cancels at once.</b> {@code SmsCancellations.cancelWaitingTo} cancels every pending
 *       message to a number (deferred and waiting for a retry alike) in the transaction of the STOP
 *       or of the provider's 21610 report. A message already handed to the provider is not
 *       recalled.
 *   <li><b>Every path claims right before the provider call.</b> A message due now is inserted
 *       {@code pending}, not yet attempted, and due for the poller only {@code
 *       immediateDispatchGrace} (30 s) later; right after commit, the queuing instance claims it
 *       with one statement (still pending, zero attempts, every condition holding) and sends it
 *       with the text at hand ({@code ImmediateDispatch}). Any other run claims with one statement
 *       too: on PostgreSQL {@code update ... returning} (pending, due, conditions), on H2 a read
 *       then an update conditional on the status and attempt count read. The loser of a claim sends
 *       nothing. A message that waited past the grace period in the immediate queue (a slow
 *       provider, a backlog) is the poller's: the queue drops it without a statement, so a backlog
 *       costs no message two claims and clears instead of growing. The send starts at the claim:
 *       {@code send_started_at} is the claim time. Calls to the provider happen outside any
 *       transaction; the result is recorded in a second statement conditional on {@code sending}.
 *   <li><b>Ambiguous sends: never resend what Twilio accepted.</b> A row found {@code sending} had
 *       its answer lost (read timeout, crash). The rule: (1) the status callback carries {@code
 *       ?m=<id>}, and any callback for the row settles it with its {@code MessageSid}; (2) until
 *       then the provider is asked every {@code unknownOutcomeRecheck} for the newest 50 messages
 *       {@code To} the number ({@code From} our number when we send from one), without any {@code
 *       DateSent} filter, because Twilio leaves {@code date_sent} empty while a message is {@code
 *       queued} or {@code accepted}; a message created since the claim (less a minute of clock
 *       skew) whose body is ours, exactly or once both are reduced to letters and digits (a
 *       Messaging Service's smart encoding may replace characters), and that no other row claims,
 *       is ours, whatever its status; (3) only when neither found it {@code unknownOutcomeGrace}
 *       (10 min) after the claim, and every send condition still holds, is it sent again. Twilio
 *       lists a message as soon as it accepts it, so a message it accepted is found by (2) long
 *       before (3). The SDK's own retries are switched off: it would resend a POST after a 5xx.
 *   <li><b>Taxonomy.</b> Not sent (connection refused, connect timeout), HTTP 429/5xx and Twilio
 *       20429 are retried with exponential backoff and jitter ({@code RetryPolicy}), bounded by
 *       {@code maxAttempts} and the message's validity; Twilio 21211, 21408, 21610, 21614 and other
 *       4xx fail at once. 21610, from a send or a callback, also publishes {@code
 *       ProviderOptOutReported}. A circuit breaker stops calling a failing provider for 30 s; a
 *       refused call does not count as an attempt.
 *   <li><b>Validity.</b> Each type has a default validity (capped by {@code
 *       sms.delivery.default-validity}, 4 h), counted from {@code notBefore} when given. A message
 *       past it is {@code expired} and never sent; Twilio gets the remaining time as {@code
 *       ValidityPeriod} (1-36,000 s).
 *   <li><b>Sealed bodies.</b> When the log must show a redacted text (a verification code), the
 *       real one is kept AES-GCM sealed until the message is sent or ends, then wiped. If it cannot
 *       be opened the message expires: the redacted text is never sent.
 *   <li><b>Webhooks</b> must be configured as exactly {@code
 *       PUBLIC_BASE_URL/webhooks/twilio/status} and {@code .../inbound}: the signature covers the
 *       URL. Without {@code TWILIO_AUTH_TOKEN} all webhook calls are refused (403). Status only
 *       moves forward (delivered and expired rank highest); the actual price is stored as a
 *       positive exact amount; unknown message ids are acknowledged and ignored.
 *   <li><b>Money</b> is exact: estimated cost = segments x the price of a segment to the
 *       destination's country, from the {@link com.allthrive.sms.delivery.MessageCosts} SPI (the
 *       costs module's price table) or else {@code SMS_PRICE_PER_SEGMENT} (USD, default 0.0083),
 *       stored as {@code numeric}, like the provider's price. The insert that queues a message
 *       writes its country, segments, estimate and the segments its sender saved; the same SPI may
 *       refuse the message for the day's spend ({@code Queued.overBudget}), and nothing is written
 *       then. A new or changed price publishes {@link com.allthrive.sms.delivery.SmsPriced}, with
 *       or without a status change.
 *   <li><b>Deferred messages</b> the sender marks {@code quotaWhenSent} take their recipient's
 *       per-user quota in the transaction of their send-time claim ({@code QuotaClaims}): a message
 *       the quota refuses ends {@code canceled} as {@code rate_limited}. Such rows skip the
 *       one-statement claim; every other message is claimed as before.
 *   <li><b>Listings</b> mask numbers and never read the sealed text; a user sees only the rows sent
 *       to them, without provider internals.
 *   <li><b>Erasure</b> ({@code SmsLog.anonymize}, called by the module that handles {@code
 *       AccountErased}): rows sent to the user keep type, status, segments, costs, times and the
 *       provider id, so totals still add up; the number is masked, the text removed, and the user
 *       id, related object and idempotency key replaced, so a row can no longer be tied to the
 *       person (per-user cost reports lose them). Rows the user caused for someone else lose the
 *       link and the text. A message still waiting is not sent any more.
 *   <li><b>Console provider</b> logs the masked number and the logged (redacted) text; the real
 *       text is kept only in the in-memory {@code ConsoleOutbox} for the demo console.
 *   <li><b>Throughput.</b> Each path sends on up to {@code SMS_DISPATCH_THREADS} threads (by
 *       default 100 on the poller, and 200 right after commit on Java 21+'s virtual threads, 150 on
 *       Java 17), so throughput is about threads / provider latency; the Twilio connection pool
 *       allows {@code maxConnections} (default 300) connections. PostgreSQL polls with {@code
 *       lock_and_fetch} (SKIP LOCKED, many instances), H2 with {@code fetch}.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"shared"})
package com.allthrive.sms.delivery;

import org.springframework.modulith.ApplicationModule;
