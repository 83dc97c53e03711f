package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.shared.UserSmsQuota;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim of a message that takes its recipient's per-user quota when it goes out (a deferred
 * message, {@code quota_when_sent}): the claim and the quota commit together or not at all, so the
 * end of quiet hours cannot release more texts than the limit allows. A message the quota refuses
 * ends {@code canceled} as {@code rate_limited}; the send conditions are checked first, so a
 * message that fails one of them is canceled for that reason instead. Every other message is
 * claimed as before, with no statement more.
 */
@Component
class QuotaClaims {

  private enum Result {
    CLAIMED,
    NOT_CLAIMED,
    OVER_QUOTA
  }

  private final SendClaims claims;
  private final UserSmsQuota quota;
  private final Cancellations cancellations;
  private final TransactionTemplate tx;

  QuotaClaims(
      SendClaims claims,
      UserSmsQuota quota,
      Cancellations cancellations,
      PlatformTransactionManager transactions) {
    this.claims = claims;
    this.quota = quota;
    this.cancellations = cancellations;
    this.tx = new TransactionTemplate(transactions);
  }

  /** pending → sending as {@link SendClaims#claim}, taking the recipient's quota when due. */
  boolean claim(MessageRow row, Instant now) {
    if (!row.quotaWhenSent() || row.recipientUserId() == null) {
      return claims.claim(row.id(), row.attempts(), now);
    }
    Result result =
        tx.execute(
            status -> {
              if (!claims.claim(row.id(), row.attempts(), now)) {
                return Result.NOT_CLAIMED;
              }
              if (quota.tryTake(new UserId(row.recipientUserId()))) {
                return Result.CLAIMED;
              }
              status.setRollbackOnly();
              return Result.OVER_QUOTA;
            });
    if (result == Result.OVER_QUOTA) {
      cancellations.cancel(row, "rate_limited", now);
    }
    return result == Result.CLAIMED;
  }
}
