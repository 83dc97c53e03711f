package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.notifications.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the policy for one candidate and, when it may be sent, writes the message and its dispatch
 * task; the decision is recorded either way. Always inside the intake's transaction.
 */
@Component
class Notifier {

  private final NotificationPolicy policy;
  private final SmsOutbox outbox;
  private final DecisionLog decisions;
  private final TextFitter fitter;
  private final Clock clock;

  Notifier(
      NotificationPolicy policy,
      SmsOutbox outbox,
      DecisionLog decisions,
      TextFitter fitter,
      Clock clock) {
    this.policy = policy;
    this.outbox = outbox;
    this.decisions = decisions;
    this.fitter = fitter;
    this.clock = clock;
  }

  /**
   * Decides one candidate, with a text that depends on when it goes out: now, or at the end of the
   * recipient's quiet hours. {@code key} is the text's key.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Decision notify(
      String eventId, Candidate candidate, String key, Function<Instant, OutgoingText> textAt) {
    Optional<Long> earlier = outbox.existing(key);
    if (earlier.isPresent()) {
      // the same message again (a replay under another key): no rule runs, no limit is spent
      return decisions.record(eventId, candidate, Outcome.SKIPPED, "duplicate", earlier.get());
    }
    Instant now = clock.instant();
    Optional<Verdict> verdict = policy.evaluate(candidate, now);
    if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip skip) {
      return decisions.record(eventId, candidate, Outcome.SKIPPED, skip.reason(), null);
    }
    Instant sendAt = verdict.map(v -> ((Verdict.Defer) v).until()).orElse(null);
    OutgoingText text = textAt.apply(sendAt == null ? now : sendAt);
    var queued =
        outbox.enqueue(
            message(candidate, fitter.fit(text.template(), candidate.type()), text, sendAt));
    if (queued.overBudget()) {
      // rule 7: the outbox's spend cap refused the message (it needs the final text's cost)
      policy.giveBack(candidate, now, sendAt != null);
      return decisions.record(eventId, candidate, Outcome.SKIPPED, "budget_exhausted", null);
    }
    return decisions.record(
        DecisionLog.Entry.forQueued(eventId, candidate, queued, sendAt != null));
  }

  static OutgoingSms message(
      Candidate c, TextFitter.Fitted fitted, OutgoingText text, Instant sendAt) {
    return OutgoingSms.of(text.key(), c.to(), c.type(), fitted.body(), c.recipientId())
        .withAccounting(
            fitted.savings().withQuotaWhenSent(sendAt != null && PerUserLimit.counts(c)))
        .withPriority(text.priority())
        .withTriggeredBy(c.triggeredBy())
        .withRelated(text.relatedType(), text.relatedId())
        .withSchedule(sendAt, text.validity());
  }
}
