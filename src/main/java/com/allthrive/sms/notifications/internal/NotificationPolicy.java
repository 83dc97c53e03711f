package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.WindowCounter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ordered rules of DESIGN section 3. The first skip wins; a deferral (quiet hours) still lets
 * the later rules refuse the message, and a deferred message counts against the limits like any
 * other accepted message.
 */
@Component
class NotificationPolicy {

  private final List<Rule> forUsers;
  private final List<Rule> forRawNumbers;

  NotificationPolicy(
      SmsPreferences preferences,
      Accounts accounts,
      WindowCounter counter,
      NotificationsSettings settings) {
    var optOut = new NotOptedOut(preferences);
    var category = new CategoryEnabled(preferences, accounts);
    this.forUsers =
        List.of(
            new RecipientReachable(),
            optOut,
            new ConsentRecorded(preferences),
            category,
            new QuietHoursRule(preferences),
            new PerUserLimit(counter));
    // the invitation limits count last, so a refused invitation spends no slot
    this.forRawNumbers = List.of(optOut, category, new InvitationLimits(counter, settings));
  }

  /** A skip, a deferral, or empty for "send now". */
  Optional<Verdict> evaluate(Candidate candidate, Instant now) {
    List<Rule> rules = candidate.toRawNumber() ? forRawNumbers : forUsers;
    Verdict deferral = null;
    for (Rule rule : rules) {
      Optional<Verdict> verdict = rule.apply(candidate, now);
      if (verdict.isPresent() && verdict.get() instanceof Verdict.Skip) {
        return verdict;
      }
      if (verdict.isPresent()) {
        deferral = verdict.get();
      }
    }
    return Optional.ofNullable(deferral);
  }
}
