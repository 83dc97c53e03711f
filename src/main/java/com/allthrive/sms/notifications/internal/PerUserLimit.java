package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 6: at most 10 messages per sliding hour and 30 per sliding day per user ({@link
 * UserSmsQuota}), counted on messages accepted for sending now (the hits join the deciding
 * transaction). A deferred message counts when it goes out, not when it is deferred, so the end of
 * quiet hours cannot release more than the limit allows: the policy does not run this rule for it,
 * and delivery takes the quota in the transaction that claims it for sending. Security alerts are
 * not limited.
 */
class PerUserLimit implements Rule {

  private final UserSmsQuota quota;

  PerUserLimit(UserSmsQuota quota) {
    this.quota = quota;
  }

  /** Whether messages to the candidate count against the per-user limit. */
  static boolean counts(Candidate c) {
    return !c.critical() && c.recipient() != null;
  }

  @Override
  public Optional<Verdict> apply(Candidate c, Instant now) {
    if (!counts(c)) {
      return Optional.empty();
    }
    return quota.tryTake(c.recipient().id())
        ? Optional.empty()
        : Optional.of(Verdict.skip("rate_limited"));
  }

  /** The limits of every recipient the page counts against, taken at once (distinct recipients). */
  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now) {
    List<UserId> counted =
        candidates.stream().filter(PerUserLimit::counts).map(c -> c.recipient().id()).toList();
    if (counted.stream().distinct().count() != counted.size()) {
      return Rule.super.applyAll(candidates, now);
    }
    Set<UserId> limited = quota.tryTakeEach(counted);
    return candidates.stream()
        .map(
            c ->
                counts(c) && limited.contains(c.recipient().id())
                    ? Optional.of(Verdict.skip("rate_limited"))
                    : Optional.<Verdict>empty())
        .toList();
  }

  @Override
  public void giveBack(Candidate c, Instant now, boolean deferred) {
    if (!deferred && counts(c)) {
      quota.giveBack(c.recipient().id());
    }
  }
}
