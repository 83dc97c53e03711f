package com.allthrive.sms.shared;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount of money; never a float, never rounded to whole cents. */
public record Money(BigDecimal amount, String currency) {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code");
    }
    amount = amount.stripTrailingZeros();
  }

  public static Money usd(String amount) {
    return new Money(new BigDecimal(amount), "USD");
  }

  public Money times(int factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
