package com.allthrive.sms.costs;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the costs module. Amounts are exact USD decimals.
 *
 * @param prices estimated price of one segment per destination country (ISO 3166 code), by default
 *     US and CA at 0.0083; countries not listed cost {@code SMS_PRICE_PER_SEGMENT}
 * @param dailyBudget the daily cap on estimated plus actual spend ({@code SMS_DAILY_BUDGET}); null:
 *     no cap
 * @param dailyReserve spend above the cap that only security alerts and verification codes may use
 *     ({@code SMS_DAILY_RESERVE}); null with a cap set: they are not capped at all
 * @param reportInterval how often the daily report job recomputes the last two finished days
 * @param alerts alert thresholds and the webhook
 */
@ConfigurationProperties("sms.costs")
public record CostsSettings(
    Map<String, BigDecimal> prices,
    BigDecimal dailyBudget,
    BigDecimal dailyReserve,
    @DefaultValue("1h") Duration reportInterval,
    @DefaultValue Alerts alerts) {

  public CostsSettings {
    prices =
        prices == null || prices.isEmpty()
            ? Map.of("US", new BigDecimal("0.0083"), "CA", new BigDecimal("0.0083"))
            : Map.copyOf(prices);
  }

  /**
   * Alert thresholds; an unset threshold is not watched.
   *
   * @param dailySpend the day's spend (USD) that raises an alert
   * @param userDailySpend one user's spend in a day (USD) that raises an alert
   * @param failureRate share of failed or undelivered messages among those finished in the last
   *     hour (0-1)
   * @param failureMinMessages finished messages in the last hour needed before the rate counts
   * @param errorBurst messages failing with 30007 (carrier filtering) or with 21610 (opted out) in
   *     the last hour
   * @param checkInterval how often thresholds are checked
   * @param webhookUrl where alerts are POSTed as JSON ({@code SMS_ALERT_WEBHOOK_URL}); null:
   *     nowhere
   * @param webhookTimeout connect and answer timeout of one POST
   * @param webhookAttempts POSTs tried before an alert is given up
   * @param webhookRetryDelay wait before the first retry; it doubles each time
   */
  public record Alerts(
      BigDecimal dailySpend,
      BigDecimal userDailySpend,
      @DefaultValue("0.2") BigDecimal failureRate,
      @DefaultValue("20") int failureMinMessages,
      @DefaultValue("10") Integer errorBurst,
      @DefaultValue("1m") Duration checkInterval,
      String webhookUrl,
      @DefaultValue("5s") Duration webhookTimeout,
      @DefaultValue("5") int webhookAttempts,
      @DefaultValue("10s") Duration webhookRetryDelay) {

    /** The webhook's address, or null when none is set. */
    public URI webhook() {
      return webhookUrl == null || webhookUrl.isBlank() ? null : URI.create(webhookUrl.trim());
    }

    @Override
    public String toString() {
      return "Alerts[dailySpend="
          + dailySpend
          + ", userDailySpend="
          + userDailySpend
          + ", failureRate="
          + failureRate
          + ", errorBurst="
          + errorBurst
          + ", webhook="
          + (webhook() == null ? "none" : webhook().getHost())
          + "]";
    }
  }

  /** Whether a daily cap is set. */
  public boolean capped() {
    return dailyBudget != null;
  }
}
