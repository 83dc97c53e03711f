package com.allthrive.sms.costs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allthrive.sms.costs.CostsSettings;
import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.shared.Money;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.PhoneNumbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices per destination country, exact, with the configured fallback. */
class PriceTableTests {

  @Test
  void pricesUsAndCanadaByDefaultAndOtherCountriesAtTheFallback() {
    var table = new PriceTable(costs(null), delivery("0.0100"));

    assertThat(table.perSegment("US")).isEqualTo(Money.usd("0.0083"));
    assertThat(table.perSegment("CA")).isEqualTo(Money.usd("0.0083"));
    assertThat(table.perSegment("GB")).isEqualTo(Money.usd("0.01"));
    assertThat(table.perSegment(null)).isEqualTo(Money.usd("0.01"));
  }

  @Test
  void takesConfiguredCountriesInAnyCase() {
    var table = new PriceTable(costs(Map.of("gb", new BigDecimal("0.0400"))), delivery("0.0083"));

    assertThat(table.perSegment("GB")).isEqualTo(Money.usd("0.04"));
    assertThat(table.perSegment("US")).isEqualTo(Money.usd("0.0083"));
  }

  @Test
  void refusesANegativePrice() {
    assertThatThrownBy(
            () -> new PriceTable(costs(Map.of("US", new BigDecimal("-1"))), delivery("0.0083")))
        .hasMessageContaining("negative");
  }

  @Test
  void addsManySmallPricesWithoutLosingAFractionOfACent() {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < 1000; i++) {
      sum = sum.add(new BigDecimal("0.0079"));
    }

    assertThat(sum).isEqualByComparingTo("7.9");
    assertThat(Money.usd("0.0079").times(5)).isEqualTo(Money.usd("0.0395"));
  }

  @Test
  void knowsTheCountryOfNorthAmericanNumbersByAreaCode() {
    assertThat(PhoneNumbers.region(new PhoneNumber("+14165550199"))).isEqualTo("CA");
    assertThat(PhoneNumbers.region(new PhoneNumber("+14165550100"))).isEqualTo("CA");
    assertThat(PhoneNumbers.region(new PhoneNumber("+12025550101"))).isEqualTo("US");
    assertThat(PhoneNumbers.region(new PhoneNumber("+447700900123"))).isEqualTo("GB");
  }

  static CostsSettings costs(Map<String, BigDecimal> prices) {
    return new CostsSettings(prices, null, null, Duration.ofHours(1), null);
  }

  static DeliverySettings delivery(String price) {
    return new DeliverySettings(
        DeliverySettings.Provider.CONSOLE,
        "http://localhost:8080",
        null,
        true,
        null,
        6,
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofHours(4),
        new BigDecimal(price),
        true,
        100,
        Duration.ofSeconds(30),
        Duration.ofDays(90),
        new DeliverySettings.Breaker(Duration.ofSeconds(30), 50, 20, 50),
        0,
        64,
        Duration.ZERO);
  }
}
