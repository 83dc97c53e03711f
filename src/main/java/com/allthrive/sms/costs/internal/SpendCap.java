package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.CostsSettings;
import com.allthrive.sms.delivery.MessageCosts;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.SmsPriced;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prices and the daily spend cap, contributed to delivery's outbox ({@link MessageCosts}) so that
 * every message, whoever queues it, is priced and capped in the transaction that queues it.
 * Non-critical texts may spend up to {@code SMS_DAILY_BUDGET}; security alerts and verification
 * codes up to the budget plus {@code SMS_DAILY_RESERVE}, so the reserve is theirs alone. Without a
 * budget nothing is capped and no statement runs.
 */
@Component
class SpendCap implements MessageCosts {

  static final Set<MessageType> CRITICAL =
      Set.of(MessageType.SECURITY_ALERT, MessageType.PHONE_VERIFICATION);

  private final PriceTable prices;
  private final SpendLedger ledger;
  private final CostsSettings settings;
  private final Clock clock;

  SpendCap(PriceTable prices, SpendLedger ledger, CostsSettings settings, Clock clock) {
    this.prices = prices;
    this.ledger = ledger;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public BigDecimal pricePerSegment(String country) {
    return prices.perSegment(country).amount();
  }

  @Override
  public boolean tryTake(MessageType type, BigDecimal estimatedCost) {
    if (!settings.capped()) {
      return true;
    }
    return ledger.tryTake(today(), estimatedCost, limitFor(type));
  }

  @Override
  public boolean caps() {
    return settings.capped();
  }

  /** An actual price corrects the spend of the day its message was queued. */
  @EventListener
  void on(SmsPriced priced) {
    if (settings.capped() && priced.createdAt() != null) {
      BigDecimal correction = priced.correction();
      if (correction.signum() != 0) {
        ledger.correct(LocalDate.ofInstant(priced.createdAt(), ZoneOffset.UTC), correction);
      }
    }
  }

  private BigDecimal limitFor(MessageType type) {
    if (!CRITICAL.contains(type)) {
      return settings.dailyBudget();
    }
    return settings.dailyReserve() == null
        ? null
        : settings.dailyBudget().add(settings.dailyReserve());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
