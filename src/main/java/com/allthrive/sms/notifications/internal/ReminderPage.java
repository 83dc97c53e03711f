package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.notifications.Outcome;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides a page of a reminder's participants at once, with the statements of one participant
 * spread over the page: the claims, the accounts, the duplicate keys, each rule of the policy
 * ({@link NotificationPolicy#evaluateAll}), the messages with their tasks and the decisions each
 * take one statement or a few for the whole page. The decisions are those {@link Notifier} makes
 * one by one, with the same reasons. Runs in the caller's transaction; when the day's spend cap
 * would not take the page's messages it throws {@link SmsOutbox.BudgetExceeded}, and the caller
 * rolls back and decides the page one by one.
 */
@Component
class ReminderPage {

  private final ChallengeStore challenges;
  private final Recipients recipients;
  private final NotificationPolicy policy;
  private final SmsOutbox outbox;
  private final DecisionLog decisions;
  private final TextFitter fitter;
  private final ReminderTexts texts;
  private final Clock clock;

  ReminderPage(
      ChallengeStore challenges,
      Recipients recipients,
      NotificationPolicy policy,
      SmsOutbox outbox,
      DecisionLog decisions,
      TextFitter fitter,
      ReminderTexts texts,
      Clock clock) {
    this.challenges = challenges;
    this.recipients = recipients;
    this.policy = policy;
    this.outbox = outbox;
    this.decisions = decisions;
    this.fitter = fitter;
    this.texts = texts;
    this.clock = clock;
  }

  void decide(Challenge challenge, ReminderWindow window, String eventId, List<UserId> page) {
    List<UserId> claimed = challenges.claimAll(challenge.id(), page, window, clock.instant());
    if (claimed.isEmpty()) {
      return;
    }
    List<Candidate> candidates =
        recipients.candidates(
            claimed,
            MessageType.CHALLENGE_REMINDER,
            Category.CHALLENGE_REMINDERS,
            challenge.deadline());
    Map<String, Long> earlier =
        outbox.existing(
            claimed.stream().map(u -> ReminderTexts.key(challenge, window, u)).toList());
    DecisionLog.Entry[] entries = new DecisionLog.Entry[candidates.size()];
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Long id = earlier.get(ReminderTexts.key(challenge, window, claimed.get(i)));
      if (id != null) {
        // the same message again: no rule runs, no limit is spent
        entries[i] = new DecisionLog.Entry(candidates.get(i), Outcome.SKIPPED, "duplicate", id);
      } else {
        open.add(i);
      }
    }
    Instant now = clock.instant();
    List<Optional<Verdict>> verdicts =
        policy.evaluateAll(open.stream().map(candidates::get).toList(), now);
    List<Integer> sending = new ArrayList<>();
    List<Instant> sendAts = new ArrayList<>();
    List<OutgoingSms> messages = new ArrayList<>();
    for (int k = 0; k < open.size(); k++) {
      int i = open.get(k);
      Candidate c = candidates.get(i);
      Optional<Verdict> verdict = verdicts.get(k);
      if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip skip) {
        entries[i] = new DecisionLog.Entry(c, Outcome.SKIPPED, skip.reason(), null);
        continue;
      }
      Instant sendAt = verdict.map(v -> ((Verdict.Defer) v).until()).orElse(null);
      OutgoingText text =
          texts.text(challenge, window, claimed.get(i), sendAt == null ? now : sendAt);
      messages.add(Notifier.message(c, fitter.fit(text.template(), c.type()), text, sendAt));
      sending.add(i);
      sendAts.add(sendAt);
    }
    List<SmsOutbox.Queued> queued = outbox.enqueueAll(messages);
    for (int k = 0; k < sending.size(); k++) {
      int i = sending.get(k);
      entries[i] = entry(candidates.get(i), queued.get(k), sendAts.get(k) != null);
    }
    decisions.recordAll(eventId, List.of(entries));
  }

  private static DecisionLog.Entry entry(Candidate c, SmsOutbox.Queued q, boolean deferred) {
    if (!q.created()) {
      return new DecisionLog.Entry(c, Outcome.SKIPPED, "duplicate", q.messageId());
    }
    return deferred
        ? new DecisionLog.Entry(c, Outcome.DEFERRED, "quiet_hours", q.messageId())
        : new DecisionLog.Entry(c, Outcome.QUEUED, "eligible", q.messageId());
  }
}
