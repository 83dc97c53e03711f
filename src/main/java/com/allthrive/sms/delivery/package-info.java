/**
 * Delivery: the SMS log, the outbox and its dispatcher, the providers (Twilio, console), retries,
 * the error taxonomy, segment counting, Twilio's status and inbound webhooks, and the log listings.
 * Other modules use {@link com.allthrive.sms.delivery.SmsOutbox}, {@link
 * com.allthrive.sms.delivery.SmsLog}, {@link com.allthrive.sms.delivery.ConsoleOutbox}, the {@link
 * com.allthrive.sms.delivery.InboundSmsHandler} and {@link com.allthrive.sms.delivery.MessageCosts}
 * SPIs, the event {@link com.allthrive.sms.delivery.SmsPriced} and the events {@link
 * com.allthrive.sms.delivery.SmsStatusChanged} and {@link
 * com.allthrive.sms.delivery.ProviderOptOutReported}, both published synchronously inside the
 * transaction that records the change.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li><b>One transaction.</b> {@code enqueue} writes the log row and its db-scheduler execution
 *       ({@code sms-dispatch}, instance id = message id) in the caller's transaction: a rollback
 *       leaves nothing to send, a crash after commit leaves a due execution that any instance picks
 *       up after a restart.
 *   <li><b>Right after commit.</b> A message due now is inserted already {@code sending} (the
 *       insert is the claim) and sent by the queuing instance once the transaction commits, with
 *       the text at hand; its execution is due only {@code immediateDispatchGrace} (30 s) later and
 *       is removed with the result, so the poller only sees it when that instance died or gave it
 *       back ({@code ImmediateDispatch}).
 *   <li><b>State lives in the row.</b> Any other run marks the row {@code sending} (attempts + 1,
 *       {@code send_started_at}) in one statement, calls the provider outside any transaction, and
 *       records {@code sent} (provider id) or a failure in a second one. Every update is
 *       conditional on the status it starts from, so a status callback racing the dispatcher, or
 *       the same execution run twice, never moves a row backwards or double-publishes.
 *   <li><b>Never resend blindly.</b> A row found {@code sending} had its answer lost (read timeout,
 *       crash). The provider is asked for a message to the same number with the same text created
 *       since the send began and not claimed by another row; callbacks carry {@code ?m=<id>} so
 *       they settle such a row too. Only when nothing is found {@code unknownOutcomeGrace} after
 *       the send is it sent again. The SDK's own retries are switched off: it would resend a POST
 *       after a 5xx.
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
 *   <li><b>Throughput.</b> Each path sends on up to {@code SMS_DISPATCH_THREADS} threads (default
 *       100; virtual threads on Java 21+), so throughput is about threads / provider latency; the
 *       Twilio connection pool allows {@code maxConnections} (default 200) connections. PostgreSQL
 *       polls with {@code lock_and_fetch} (SKIP LOCKED, many instances), H2 with {@code fetch}.
 * </ul>
 */
package com.allthrive.sms.delivery;
