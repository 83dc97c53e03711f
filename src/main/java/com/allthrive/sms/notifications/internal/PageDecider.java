package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.notifications.Outcome;
import com.allthrive.sms.shared.OneRoundTrip;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decides many recipients at once, of one event or of several, with the statements of one recipient
 * spread over the page: the duplicate keys, each rule of the policy ({@link
 * NotificationPolicy#evaluateAll}), the messages with their tasks and the decisions each take one
 * statement or a few. The decisions are those {@link Notifier} makes one by one, with the same
 * reasons. A text key met twice is decided in a later round of the same transaction, which finds
 * the message the round before it wrote (a replay under another idempotency key). Runs in the
 * caller's transaction; when the day's spend cap would not take a round's messages it throws {@link
 * SmsOutbox.BudgetExceeded}, and the caller rolls back and decides one by one ({@link
 * #decideOneByOne}).
 */
@Component
class PageDecider {

  /** A planned decision of an event. */
  record Item(String eventId, Planned planned) {}

  /**
   * The decisions of {@link #decideUnrecorded}, and the statements that still write the last
   * round's messages and all the decisions, for the caller to run before it commits (then {@link
   * DecisionLog#recorded}).
   */
  record Page(List<DecisionLog.Entry> entries, List<OneRoundTrip.Lookup<?>> writes) {}

  private final NotificationPolicy policy;
  private final Notifier notifier;
  private final SmsOutbox outbox;
  private final DecisionLog decisions;
  private final TextFitter fitter;
  private final OneRoundTrip roundTrip;
  private final Clock clock;

  PageDecider(
      NotificationPolicy policy,
      Notifier notifier,
      SmsOutbox outbox,
      DecisionLog decisions,
      TextFitter fitter,
      OneRoundTrip roundTrip,
      Clock clock) {
    this.policy = policy;
    this.notifier = notifier;
    this.outbox = outbox;
    this.decisions = decisions;
    this.fitter = fitter;
    this.roundTrip = roundTrip;
    this.clock = clock;
  }

  /**
   * The decisions, in the items' order. {@code hold}: the texts wait for {@link
   * SmsOutbox#releaseHeld} (a reminder's run) instead of going out right after the commit.
   */
  List<Decision> decide(List<Item> items, boolean hold) {
    Page page = decideUnrecorded(items, hold);
    roundTrip.run(page.writes());
    decisions.recorded(page.entries());
    return page.entries().stream().map(DecisionLog.Entry::decision).toList();
  }

  /**
   * As {@link #decide}, the decisions left for the caller to write, with the last round's messages:
   * the caller runs {@link Page#writes} with its own last writes.
   */
  Page decideUnrecorded(List<Item> items, boolean hold) {
    DecisionLog.Entry[] entries = new DecisionLog.Entry[items.size()];
    List<OneRoundTrip.Lookup<?>> writes = new ArrayList<>();
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Planned p = items.get(i).planned();
      if (p.skip() != null) {
        entries[i] = entry(items.get(i), Outcome.SKIPPED, p.skip(), null);
      } else {
        left.add(i);
      }
    }
    while (!left.isEmpty()) {
      List<Integer> round = new ArrayList<>();
      List<Integer> later = new ArrayList<>();
      Set<String> keys = new HashSet<>();
      for (int i : left) {
        (keys.add(items.get(i).planned().key()) ? round : later).add(i);
      }
      decideRound(items, round, entries, hold, writes);
      left = later;
    }
    List<DecisionLog.Entry> decided = List.of(entries);
    writes.addAll(decisions.writes(decided));
    return new Page(decided, writes);
  }

  /** As {@link #decide}, one recipient at a time: each refused or taken on its own. */
  List<Decision> decideOneByOne(List<Item> items) {
    List<Decision> out = new ArrayList<>(items.size());
    for (Item item : items) {
      Planned p = item.planned();
      out.add(
          p.skip() != null
              ? decisions.record(item.eventId(), p.candidate(), Outcome.SKIPPED, p.skip(), null)
              : notifier.notify(item.eventId(), p.candidate(), p.key(), p.textAt()));
    }
    return out;
  }

  /**
   * One round: {@code writes}, those of the round before (its messages, which this round's
   * duplicate check must find), go first in this round's round trip of lookups; this round's take
   * their place.
   */
  private void decideRound(
      List<Item> items,
      List<Integer> round,
      DecisionLog.Entry[] entries,
      boolean hold,
      List<OneRoundTrip.Lookup<?>> writes) {
    Instant now = clock.instant();
    var duplicates =
        outbox.existing(round.stream().map(i -> items.get(i).planned().key()).toList());
    ReadAhead read =
        policy.readAhead(round.stream().map(i -> items.get(i).planned().candidate()).toList(), now);
    var ids = outbox.reserveIds(round.size());
    List<OneRoundTrip.Lookup<?>> lookups = new ArrayList<>(writes);
    lookups.add(duplicates);
    lookups.addAll(read.lookups());
    lookups.add(ids);
    roundTrip.run(lookups);
    writes.clear();
    Map<String, Long> earlier = duplicates.result().get();
    List<Integer> open = new ArrayList<>();
    for (int i : round) {
      Long id = earlier.get(items.get(i).planned().key());
      if (id != null) {
        // the same message again: no rule runs, no limit is spent
        entries[i] = entry(items.get(i), Outcome.SKIPPED, "duplicate", id);
      } else {
        open.add(i);
      }
    }
    List<Optional<Verdict>> verdicts =
        policy.evaluateAll(
            open.stream().map(i -> items.get(i).planned().candidate()).toList(), now, read);
    List<Integer> sending = new ArrayList<>();
    List<Boolean> deferred = new ArrayList<>();
    List<OutgoingSms> messages = new ArrayList<>();
    for (int k = 0; k < open.size(); k++) {
      int i = open.get(k);
      Candidate c = items.get(i).planned().candidate();
      Optional<Verdict> verdict = verdicts.get(k);
      if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip skip) {
        entries[i] = entry(items.get(i), Outcome.SKIPPED, skip.reason(), null);
        continue;
      }
      Instant sendAt = verdict.map(v -> ((Verdict.Defer) v).until()).orElse(null);
      OutgoingText text = items.get(i).planned().textAt().apply(sendAt == null ? now : sendAt);
      messages.add(Notifier.message(c, fitter.fit(text.template(), c.type()), text, sendAt));
      sending.add(i);
      deferred.add(sendAt != null);
    }
    var enqueued = outbox.enqueueAll(messages, hold, ids.result().get());
    writes.add(enqueued.write());
    List<SmsOutbox.Queued> queued = enqueued.queued();
    for (int k = 0; k < sending.size(); k++) {
      int i = sending.get(k);
      entries[i] =
          DecisionLog.Entry.forQueued(
              items.get(i).eventId(),
              items.get(i).planned().candidate(),
              queued.get(k),
              deferred.get(k));
    }
  }

  private static DecisionLog.Entry entry(Item item, Outcome outcome, String reason, Long id) {
    return new DecisionLog.Entry(item.eventId(), item.planned().candidate(), outcome, reason, id);
  }
}
