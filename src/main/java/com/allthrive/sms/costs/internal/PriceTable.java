package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.CostsSettings;
import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.shared.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The estimated price of a segment per destination country, {@code SMS_PRICE_PER_SEGMENT} else. */
@Component
class PriceTable {

  private final Map<String, Money> byCountry;
  private final Money fallback;

  PriceTable(CostsSettings settings, DeliverySettings delivery) {
    this.byCountry =
        settings.prices().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toUpperCase(Locale.ROOT), e -> usd(e.getValue())));
    this.fallback = usd(delivery.pricePerSegment());
  }

  /** The estimated price of one segment to {@code country} (null: unknown). */
  Money perSegment(String country) {
    return country == null ? fallback : byCountry.getOrDefault(country, fallback);
  }

  private static Money usd(BigDecimal price) {
    if (price.signum() < 0) {
      throw new IllegalArgumentException("a segment price cannot be negative: " + price);
    }
    return new Money(price, "USD");
  }
}
