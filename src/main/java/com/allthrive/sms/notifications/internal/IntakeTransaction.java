package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.internal.IntakeBatches.Submission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work of one intake transaction ({@link IntakeBatches}): claim the events' keys, decide all
 * their recipients ({@link PageDecider}) and store their answers. Runs in the caller's transaction.
 * Claimed last, the keys and their answers go in one round trip with the messages and the decisions
 * (on PostgreSQL), the transaction's last, with its {@code COMMIT}.
 */
@Component
class IntakeTransaction {

  /** When the keys are claimed. */
  enum Claiming {
    /**
     * With the answers, in the transaction's last statement: one write per key. A key found taken
     * then throws {@link KeysTaken}, and the caller rolls back and claims first.
     */
    LAST,
    /** Before anything is decided; a key taken before gets no answer (the caller replays it). */
    FIRST,
    /** As {@link #FIRST}, and each recipient decided on its own. */
    ONE_BY_ONE
  }

  /** A key claimed last had been taken before: the transaction must roll back. */
  static final class KeysTaken extends RuntimeException {
    KeysTaken() {
      super("An idempotency key of the batch was taken before", null, false, false);
    }
  }

  private final EventStore store;
  private final PageDecider decider;
  private final DecisionLog log;
  private final Recipients recipients;
  private final JsonMapper json;
  private final Clock clock;

  IntakeTransaction(
      EventStore store,
      PageDecider decider,
      DecisionLog log,
      Recipients recipients,
      JsonMapper json,
      Clock clock) {
    this.store = store;
    this.decider = decider;
    this.log = log;
    this.recipients = recipients;
    this.json = json;
    this.clock = clock;
  }

  /** The events' answers; empty for an event whose key was claimed before. */
  Map<Submission, Optional<EventIntake.Answer>> decide(
      List<Submission> submissions, Claiming claiming) {
    List<EventStore.Claim> claims = submissions.stream().map(Submission::claim).toList();
    Instant at = clock.instant();
    Set<String> claimed =
        claiming == Claiming.LAST
            ? claims.stream().map(EventStore.Claim::id).collect(Collectors.toSet())
            : store.claimAll(claims, at);
    Recipients read =
        recipients.readAhead(
            submissions.stream()
                .filter(s -> claimed.contains(s.claim().id()))
                .flatMap(s -> s.users().stream())
                .distinct()
                .toList());
    List<PageDecider.Item> items = new ArrayList<>();
    Map<Submission, int[]> ranges = new IdentityHashMap<>();
    for (Submission s : submissions) {
      String id = s.claim().id();
      if (claimed.contains(id)) {
        int from = items.size();
        try (var logged = MDC.putCloseable("event_id", id)) {
          s.plan().apply(id, read).forEach(p -> items.add(new PageDecider.Item(id, p)));
        }
        ranges.put(s, new int[] {from, items.size()});
      }
    }
    PageDecider.Page unrecorded =
        claiming == Claiming.LAST
            ? decider.decideUnrecorded(items, false)
            : new PageDecider.Page(List.of(), List.of());
    List<Decision> decisions =
        switch (claiming) {
          case LAST -> unrecorded.entries().stream().map(DecisionLog.Entry::decision).toList();
          case FIRST -> decider.decide(items, false);
          case ONE_BY_ONE -> decider.decideOneByOne(items);
        };
    Map<Submission, Optional<EventIntake.Answer>> answers = new IdentityHashMap<>();
    Map<String, String> stored = new LinkedHashMap<>();
    for (Submission s : submissions) {
      int[] range = ranges.get(s);
      if (range == null) {
        answers.put(s, Optional.empty());
        continue;
      }
      var answer = new EventIntake.Answer(s.claim().id(), decisions.subList(range[0], range[1]));
      answers.put(s, Optional.of(answer));
      stored.put(s.claim().id(), json.writeValueAsString(answer));
    }
    if (claiming == Claiming.LAST) {
      claimLast(claims, stored, unrecorded, at);
    } else if (!stored.isEmpty()) {
      store.answerAll(stored);
    }
    return answers;
  }

  /** The messages and the decisions, then the keys with their answers: one round trip. */
  private void claimLast(
      List<EventStore.Claim> claims,
      Map<String, String> answers,
      PageDecider.Page page,
      Instant at) {
    if (!store.claimAnswered(claims, answers, at, page.writes())) {
      throw new KeysTaken();
    }
    log.recorded(page.entries());
  }
}
