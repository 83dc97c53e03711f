package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.presence.Presence;
import com.allthrive.sms.shared.SlidingLimiter;
import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  NotificationPolicy(
      SmsPreferences preferences,
      Accounts accounts,
      SlidingLimiter limiter,
      UserSmsQuota quota,
      NotificationsSettings settings,
      Presence presence,
      JdbcClient jdbc) {
    var optOut = new NotOptedOut(preferences);
    var category = new CategoryEnabled(preferences, accounts);
    this.forUsers =
        List.of(
            new RecipientReachable(),
            optOut,
            new ConsentRecorded(preferences),
            category,
            new RecipientOffline(presence),
            new DmDebounce(jdbc, settings.dmDebounce()),
            new QuietHoursRule(preferences),
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
    Verdict deferral = null;
    List<Rule> passed = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      if (deferral != null && rule instanceof PerUserLimit) {
        // a deferred message counts when it goes out (delivery takes the quota then)
        continue;
      }
      Optional<Verdict> verdict = rule.apply(candidate, now);
      if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip) {
        for (int i = passed.size() - 1; i >= 0; i--) {
          passed.get(i).giveBack(candidate, now, deferral != null);
        }
        return verdict;
      }
      passed.add(rule);
      if (verdict.isPresent()) {
        deferral = verdict.get();
      }
    }
    return Optional.ofNullable(deferral);
  }
}
