package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.CostsSettings;
import com.allthrive.sms.delivery.DeliverySettings;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The estimated price of a segment per destination country, {@code SMS_PRICE_PER_SEGMENT} else. */
@Component
class PriceTable {

  private final Map<String, BigDecimal> byCountry;
  private final BigDecimal fallback;

  PriceTable(CostsSettings settings, DeliverySettings delivery) {
    this.byCountry =
        settings.prices().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    this.fallback = delivery.pricePerSegment();
    byCountry.values().forEach(PriceTable::requireNonNegative);
    requireNonNegative(fallback);
  }

  BigDecimal perSegment(String country) {
    return country == null ? fallback : byCountry.getOrDefault(country, fallback);
  }

  private static void requireNonNegative(BigDecimal price) {
    if (price.signum() < 0) {
      throw new IllegalArgumentException("a segment price cannot be negative: " + price);
    }
  }
}
