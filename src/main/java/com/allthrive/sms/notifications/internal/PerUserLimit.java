package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

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

  /** The limits of every recipient the page counts against, taken at once. */
  @Override
  public List<Optional<Verdict>> applyAll(List<Candidate> candidates, Instant now, ReadAhead read) {
    Iterator<Boolean> took =
        quota
            .tryTakeEach(
                candidates.stream()
                    .filter(PerUserLimit::counts)
                    .map(c -> c.recipient().id())
                    .toList())
            .iterator();
    List<Optional<Verdict>> verdicts = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      boolean refused = counts(c) && !took.next();
      verdicts.add(refused ? Optional.of(Verdict.skip("rate_limited")) : Optional.empty());
    }
    return verdicts;
  }

  @Override
  public void giveBack(Candidate c, Instant now, boolean deferred) {
    if (!deferred && counts(c)) {
      quota.giveBack(c.recipient().id());
    }
  }
}
