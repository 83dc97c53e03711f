package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.presence.Presence;
import com.allthrive.sms.shared.WindowCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ordered rules of DESIGN section 3. The first skip wins; a deferral (quiet hours) still lets
 * the later rules refuse the message, and a deferred message counts against the limits like any
 * other accepted message. When a rule refuses a message, the rules it passed before give back what
 * they took (a debounce slot).
 */
@Component
class NotificationPolicy {

  private final List<Rule> forUsers;
  private final List<Rule> forRawNumbers;

  NotificationPolicy(
      SmsPreferences preferences,
      Accounts accounts,
      WindowCounter counter,
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
            new PerUserLimit(counter));
    // the invitation limits count last, so a refused invitation spends no slot
    this.forRawNumbers = List.of(optOut, category, new InvitationLimits(counter, settings));
  }

  /** A skip, a deferral, or empty for "send now". */
  Optional<Verdict> evaluate(Candidate candidate, Instant now) {
    List<Rule> rules = candidate.toRawNumber() ? forRawNumbers : forUsers;
    Verdict deferral = null;
    List<Rule> passed = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      Optional<Verdict> verdict = rule.apply(candidate, now);
      if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip) {
        for (int i = passed.size() - 1; i >= 0; i--) {
          passed.get(i).undo(candidate, now);
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
