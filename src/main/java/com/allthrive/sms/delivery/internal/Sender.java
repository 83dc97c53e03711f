package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.provider.SendOutcome;
import com.allthrive.sms.delivery.provider.SendOutcome.Accepted;
import com.allthrive.sms.delivery.provider.SendOutcome.Failed;
import com.allthrive.sms.delivery.provider.SendRequest;
import com.allthrive.sms.delivery.provider.SmsProvider;
import com.allthrive.sms.shared.PhoneNumber;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * One attempt: calls the provider outside any transaction (the row is already {@code sending}) and
 * records what came of it. An unanswered request leaves the row {@code sending}, to be looked up.
 */
@Component
class Sender {

  private static final Logger log = LoggerFactory.getLogger(Sender.class);

  private final SmsProvider provider;
  private final BodySealer sealer;
  private final RetryPolicy retries;
  private final Recorder recorder;
  private final MessageStore store;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final HeldSends held;
  private final Clock clock;

  Sender(
      SmsProvider provider,
      BodySealer sealer,
      RetryPolicy retries,
      Recorder recorder,
      MessageStore store,
      DeliverySettings settings,
      DeliveryMetrics metrics,
      HeldSends held,
      Clock clock) {
    this.provider = provider;
    this.sealer = sealer;
    this.retries = retries;
    this.recorder = recorder;
    this.store = store;
    this.settings = settings;
    this.metrics = metrics;
    this.held = held;
    this.clock = clock;
  }

  /** The text to send: the sealed real body when there is one, else the logged body. */
  Optional<String> realBody(MessageRow row) {
    if (row.sealedBody() == null) {
      return Optional.ofNullable(row.body());
    }
    try {
      return Optional.of(sealer.open(row.sealedBody()));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** Sends attempt number {@code attempt} of a row already marked {@code sending}. */
  Next send(MessageRow row, String body, Instant startedAt, int attempt) {
    return send(row, body, startedAt, attempt, DispatchTaskRows.NOT_HELD);
  }

  /**
   * The same from a run of the message's dispatch task, picked at version {@code heldTask}: a sent
   * message's task is removed with the result, and the run ends {@link Next#ENDED}.
   */
  Next send(MessageRow row, String body, Instant startedAt, int attempt, long heldTask) {
    try (var id = MDC.putCloseable("message_id", Long.toString(row.id()));
        var to = MDC.putCloseable("to", PhoneNumber.mask(row.toPhone()))) {
      return attempt(row, body, startedAt, attempt, heldTask);
    }
  }

  private Next attempt(MessageRow row, String body, Instant startedAt, int attempt, long heldTask) {
    SendRequest request =
        new SendRequest(
            row.id(),
            new PhoneNumber(row.toPhone()),
            row.type(),
            body,
            row.body(),
            Duration.between(startedAt, row.expiresAt()));
    long started = System.nanoTime();
    SendOutcome outcome = provider.send(request);
    metrics.providerCall(row.type(), outcome, Duration.ofNanos(System.nanoTime() - started));
    Instant now = clock.instant();
    if (outcome instanceof Accepted accepted) {
      recorder.sent(row, accepted.providerMessageId(), MessageStatus.SENT, heldTask, now);
      log.debug("SMS {} sent as {}", row.id(), accepted.providerMessageId());
      return heldTask == DispatchTaskRows.NOT_HELD ? Next.DONE : Next.ENDED;
    }
    if (outcome instanceof SendOutcome.Unknown unknown) {
      log.warn(
          "SMS {} got no answer from the provider ({}); looking it up",
          row.id(),
          PhoneNumber.maskNumbersIn(unknown.reason()));
      store.noteError(row.id(), "no_response", unknown.reason(), now);
      return Next.at(now.plus(settings.unknownOutcomeRecheck()));
    }
    return failed(row, (Failed) outcome, attempt, now);
  }

  private Next failed(MessageRow row, Failed failed, int attempt, Instant now) {
    if (failed.held()) {
      // the breaker opened meanwhile: back to pending, no attempt counted, no log line
      Instant at = HeldSends.until(held.heldUntil().orElse(now), row.expiresAt());
      store.markRetry(row.id(), at, failed.errorCode(), failed.errorMessage(), false, now);
      return Next.at(at);
    }
    if (failed.permanent()) {
      log.info(
          "SMS {} refused by the provider: {} {}",
          row.id(),
          failed.errorCode(),
          PhoneNumber.maskNumbersIn(failed.errorMessage()));
      recorder.unsent(
          row,
          MessageStatus.FAILED,
          failed.errorCode(),
          failed.errorMessage(),
          failed.optOut(),
          now);
      return Next.DONE;
    }
    int counted = failed.attempted() ? attempt : attempt - 1;
    RetryPolicy.Decision decision = retries.afterTransientFailure(counted, now, row.expiresAt());
    if (decision instanceof RetryPolicy.RetryAt retry) {
      log.info(
          "SMS {} attempt {} failed ({}), retrying at {}",
          row.id(),
          counted,
          failed.errorCode(),
          retry.at());
      metrics.retry(row.type(), failed.errorCode());
      store.markRetry(
          row.id(), retry.at(), failed.errorCode(), failed.errorMessage(), failed.attempted(), now);
      return Next.at(retry.at());
    }
    MessageStatus end = ((RetryPolicy.GiveUp) decision).status();
    log.warn("SMS {} {} after {} attempts: {}", row.id(), end.code(), counted, failed.errorCode());
    recorder.unsent(row, end, failed.errorCode(), failed.errorMessage(), false, now);
    return Next.DONE;
  }
}
