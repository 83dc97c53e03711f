/**
 * Per-category SMS choices, quiet hours, the consent ledger and the phone-level opt-out list.
 *
 * <p><b>Consent.</b> Every category defaults to on. That is only acceptable because nothing is sent
 * to a number without a recorded opt-in, and verifying the number is that opt-in (with the
 * request's IP, user agent and the disclosure text shown). No record means no consent: {@link
 * com.allthrive.sms.preferences.SmsPreferences#hasConsent} is true only while the latest opt-in,
 * opt-out or end-of-number row for the user and number is an opt-in (verification or START).
 * Category switches do not touch consent for the number; they are recorded all the same.
 *
 * <p><b>The ledger</b> ({@code consent_ledger}) is append-only: verification, category on/off,
 * STOP, START, a number changed or removed, and the provider's opt-out report (Twilio 21610) each
 * append a row in the transaction of their cause. A keyword writes one row per account using the
 * number, or one row without a user when none does. A repeated STOP is recorded again (it is the
 * person's own statement); a provider report only when it put the number on the list.
 *
 * <p><b>Erasure.</b> The preferences row is deleted. Ledger rows are kept but anonymized: the user
 * id, IP and user agent are cleared; number, action, category, method, time and disclosure stay,
 * because they are the proof of what the number agreed to (legal claims are made by the holder of
 * the number, who need not be the account). The number's opt-out stays too: it is the number
 * holder's wish, not the account's.
 *
 * <p><b>Keywords.</b> STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT and "opt out"
 * put the number on the opt-out list; START, UNSTOP and YES take it off; HELP and INFO answer who
 * we are. Case, punctuation and surrounding whitespace are ignored, and the keyword must be the
 * whole message or be followed only by courtesy words (please, pls, plz, now, thanks, thank you,
 * thx, ty): "Stop. Thank you" is a STOP, "don't stop" is not. Twilio's {@code OptOutType} wins over
 * the body; when it is present Twilio's Advanced Opt-Out has already replied, so no second reply is
 * sent unless configured. Verifying a number does not take it off the opt-out list: only START from
 * the number itself does.
 *
 * <p><b>Decided again at send time.</b> The module contributes three {@code
 * delivery.SendCondition}s that delivery folds into the statement claiming a message ({@link
 * com.allthrive.sms.preferences.internal.PreferenceSendConditions}): the number is not on the
 * opt-out list ({@code opted_out}), the recipient's latest consent statement for the number is an
 * opt-in ({@code no_consent}; invitations and verification codes aside), and the message's category
 * is still on ({@code category_off}; for an invitation, no account using the number switched
 * invitations off). A message failing one ends canceled with that reason. A STOP, and a provider
 * opt-out report, cancel every message waiting for the number in their own transaction, so the log
 * shows them canceled at once; the STOP confirmation is the TwiML answer, not an outgoing message,
 * so it is the only text that follows.
 *
 * <p><b>Precedence.</b> The opt-out list is keyed by number, so it reaches every account that uses
 * the number and invitations sent to a raw number; it beats everything, security alerts included.
 *
 * <p><b>Quiet hours</b> are a daily window on the user's wall clock (their IANA time zone, not the
 * server's); see {@link com.allthrive.sms.preferences.internal.QuietHoursWindow} for midnight and
 * daylight-saving rules.
 */
@ApplicationModule(allowedDependencies = {"accounts", "delivery", "shared"})
package com.allthrive.sms.preferences;

import org.springframework.modulith.ApplicationModule;
