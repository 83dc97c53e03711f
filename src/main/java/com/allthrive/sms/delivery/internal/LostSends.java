package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.provider.LookupOutcome;
import com.allthrive.sms.delivery.provider.LookupOutcome.Match;
import com.allthrive.sms.delivery.provider.LookupRequest;
import com.allthrive.sms.delivery.provider.SmsProvider;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a send whose answer was lost. The provider is asked for a message to the same number
 * created since the send was claimed, whatever its status (queued and accepted included), with the
 * same text up to the characters a Messaging Service may re-encode, and not already claimed by
 * another row; if it has one, that is our message. If not, the provider is asked again every {@code
 * unknownOutcomeRecheck} until {@code unknownOutcomeGrace} after the send began; only then, and
 * only while every send condition still holds, is the message sent again (within its attempts and
 * validity). Status callbacks carry the message id, so a callback settles the row first, and then
 * nothing is resent.
 */
@Component
class LostSends {

  private static final Logger log = LoggerFactory.getLogger(LostSends.class);

  private final SmsProvider provider;
  private final MessageStore store;
  private final ProviderIds providerIds;
  private final SendClaims claims;
  private final Sender sender;
  private final Recorder recorder;
  private final Cancellations cancellations;
  private final RetryPolicy retries;
  private final DeliverySettings settings;
  private final Clock clock;

  LostSends(
      SmsProvider provider,
      MessageStore store,
      ProviderIds providerIds,
      SendClaims claims,
      Sender sender,
      Recorder recorder,
      Cancellations cancellations,
      RetryPolicy retries,
      DeliverySettings settings,
      Clock clock) {
    this.provider = provider;
    this.store = store;
    this.providerIds = providerIds;
    this.claims = claims;
    this.sender = sender;
    this.recorder = recorder;
    this.cancellations = cancellations;
    this.retries = retries;
    this.settings = settings;
    this.clock = clock;
  }

  Next resolve(MessageRow row) {
    Instant now = clock.instant();
    Optional<String> body = row.erased() ? Optional.empty() : sender.realBody(row);
    if (body.isEmpty()) {
      return unsent(row, MessageStatus.FAILED, "outcome_unknown", "cannot be looked up", now);
    }
    LookupOutcome outcome =
        provider.lookup(
            new LookupRequest(
                row.id(), new PhoneNumber(row.toPhone()), body.get(), row.sendStartedAt()));
    Optional<Match> match = ours(outcome, row);
    if (match.isPresent()) {
      log.info("SMS {} found at the provider as {}", row.id(), match.get().providerMessageId());
      recorder.sent(
          row,
          match.get().providerMessageId(),
          match.get().status(),
          DispatchTaskRows.NOT_HELD,
          now);
      return Next.DONE;
    }
    if (outcome instanceof LookupOutcome.Unavailable unavailable) {
      return unavailable(row, unavailable.reason(), now);
    }
    return notFound(row, body.get(), now);
  }

  private Optional<Match> ours(LookupOutcome outcome, MessageRow row) {
    if (!(outcome instanceof LookupOutcome.Found found)) {
      return Optional.empty();
    }
    return found.matches().stream()
        .filter(m -> !providerIds.takenByOther(m.providerMessageId(), row.id()))
        .findFirst();
  }

  private Next unavailable(MessageRow row, String reason, Instant now) {
    if (now.isAfter(row.expiresAt().plus(settings.unknownOutcomeGrace()))) {
      return unsent(row, MessageStatus.FAILED, "outcome_unknown", reason, now);
    }
    return Next.at(now.plus(settings.unknownOutcomeRecheck()));
  }

  private Next notFound(MessageRow row, String body, Instant now) {
    Instant graceEnd = row.sendStartedAt().plus(settings.unknownOutcomeGrace());
    if (now.isBefore(graceEnd)) {
      Instant recheck = now.plus(settings.unknownOutcomeRecheck());
      return Next.at(recheck.isBefore(graceEnd) ? recheck : graceEnd);
    }
    if (!now.isBefore(row.expiresAt())) {
      return unsent(
          row, MessageStatus.EXPIRED, "validity_elapsed", "not sent within its validity", now);
    }
    if (row.attempts() >= retries.maxAttempts()) {
      return unsent(row, MessageStatus.FAILED, "no_response", "the provider never answered", now);
    }
    if (!claims.reclaim(row.id(), row.sendStartedAt(), now)) {
      cancellations.refused(row, now);
      return Next.DONE;
    }
    log.info("SMS {} not found at the provider after the grace period; sending again", row.id());
    return sender.send(row, body, now, row.attempts() + 1);
  }

  private Next unsent(
      MessageRow row, MessageStatus status, String code, String message, Instant now) {
    recorder.unsent(row, status, code, message, false, now);
    return Next.DONE;
  }
}
