package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.presence.Presence;
import com.allthrive.sms.shared.Databases;
import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.SlidingLimiter;
import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ordered rules of DESIGN section 3. The first skip wins; a deferral (quiet hours) still lets
 * the later rules refuse the message; a deferred message counts against the per-user limit when it
 * goes out, not now. When a rule refuses a message, the rules it passed before give back what they
 * took (a debounce slot). Rule 7, the daily spend cap, is applied by delivery's outbox when the
 * message is written, since it needs the final text's cost: a refusal there gives back what the
 * rules took and is recorded as {@code budget_exhausted}.
 */
@Component
class NotificationPolicy {

  private final List<Rule> forUsers;
  private final List<Rule> forRawNumbers;
  private final SmsPreferences preferences;
  private final Accounts accounts;

  NotificationPolicy(
      SmsPreferences preferences,
      Accounts accounts,
      SlidingLimiter limiter,
      UserSmsQuota quota,
      NotificationsSettings settings,
      Presence presence,
      JdbcClient jdbc,
      OneRoundTrip roundTrip,
      DataSource dataSource) {
    this.preferences = preferences;
    this.accounts = accounts;
    var optOut = new NotOptedOut(preferences, roundTrip);
    var category = new CategoryEnabled(preferences, accounts, roundTrip);
    this.forUsers =
        List.of(
            new RecipientReachable(),
            optOut,
            new ConsentRecorded(preferences, roundTrip),
            category,
            new RecipientOffline(presence),
            new DmDebounce(jdbc, settings.dmDebounce(), Databases.isPostgres(dataSource)),
            new QuietHoursRule(preferences, roundTrip),
            new PerUserLimit(quota));
    // the invitation limits count last, so a refused invitation spends no slot
    this.forRawNumbers = List.of(optOut, category, new InvitationLimits(limiter, settings));
  }

  /** Gives back what the rules took for a candidate that passed them but was not queued. */
  void giveBack(Candidate candidate, Instant now, boolean deferred) {
    (candidate.toRawNumber() ? forRawNumbers : forUsers)
        .forEach(rule -> rule.giveBack(candidate, now, deferred));
  }

  /** A skip, a deferral, or empty for "send now". */
  Optional<Verdict> evaluate(Candidate candidate, Instant now) {
    List<Rule> rules = candidate.toRawNumber() ? forRawNumbers : forUsers;
    return decide(rules, List.of(candidate), now, (rule, cs) -> List.of(rule.apply(cs.get(0), now)))
        .get(0);
  }

  /**
   * The lookups of the rules for a page of candidates at {@code now}, to be run before {@link
   * #evaluateAll}.
   */
  ReadAhead readAhead(List<Candidate> candidates, Instant now) {
    return ReadAhead.of(candidates, now, preferences, accounts);
  }

  /**
   * {@link #evaluate} for a page of candidates, those to users and those to raw numbers each as one
   * group: each rule applied to the whole group at once ({@link Rule#applyAll}) in the same order,
   * with the same findings and give-backs as one by one, using what was read ahead.
   */
  List<Optional<Verdict>> evaluateAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    List<Integer> raw = new ArrayList<>();
    List<Integer> users = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      (candidates.get(i).toRawNumber() ? raw : users).add(i);
    }
    List<Optional<Verdict>> result =
        new ArrayList<>(Collections.nCopies(candidates.size(), Optional.<Verdict>empty()));
    decideGroup(forUsers, candidates, users, now, read, result);
    decideGroup(forRawNumbers, candidates, raw, now, read, result);
    return result;
  }

  /** Decides the candidates at {@code indices} with {@code rules}, into {@code result}. */
  private static void decideGroup(
      List<Rule> rules,
      List<Candidate> candidates,
      List<Integer> indices,
      Instant now,
      ReadAhead read,
      List<Optional<Verdict>> result) {
    if (indices.isEmpty()) {
      return;
    }
    List<Optional<Verdict>> verdicts =
        decide(
            rules,
            indices.stream().map(candidates::get).toList(),
            now,
            (rule, cs) -> rule.applyAll(cs, now, read));
    for (int k = 0; k < indices.size(); k++) {
      result.set(indices.get(k), verdicts.get(k));
    }
  }

  /**
   * The rules in order, each applied to the candidates still open: the first skip wins, and the
   * rules a skipped candidate passed give back what they took, latest first; a deferral lets the
   * later rules still refuse, but the per-user limit no longer runs (a deferred message counts when
   * it goes out: delivery takes the quota then).
   */
  private static List<Optional<Verdict>> decide(
      List<Rule> rules,
      List<Candidate> candidates,
      Instant now,
      BiFunction<Rule, List<Candidate>, List<Optional<Verdict>>> apply) {
    int n = candidates.size();
    Verdict[] found = new Verdict[n];
    boolean[] skipped = new boolean[n];
    List<List<Rule>> passed = new ArrayList<>(n);
    candidates.forEach(c -> passed.add(new ArrayList<>(rules.size())));
    for (Rule rule : rules) {
      List<Integer> open = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (!skipped[i] && !(found[i] != null && rule instanceof PerUserLimit)) {
          open.add(i);
        }
      }
      if (open.isEmpty()) {
        continue;
      }
      List<Optional<Verdict>> verdicts =
          apply.apply(rule, open.stream().map(candidates::get).toList());
      for (int k = 0; k < open.size(); k++) {
        int i = open.get(k);
        Optional<Verdict> verdict = verdicts.get(k);
        if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip) {
          List<Rule> before = passed.get(i);
          for (int j = before.size() - 1; j >= 0; j--) {
            before.get(j).giveBack(candidates.get(i), now, found[i] != null);
          }
          found[i] = verdict.get();
          skipped[i] = true;
        } else {
          passed.get(i).add(rule);
          verdict.ifPresent(v -> found[i] = v);
        }
      }
    }
    List<Optional<Verdict>> result = new ArrayList<>(n);
    for (Verdict v : found) {
      result.add(Optional.ofNullable(v));
    }
    return result;
  }
}
