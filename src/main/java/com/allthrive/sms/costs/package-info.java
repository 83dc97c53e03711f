/**
 * Costs: the price table, each message's cost (estimated when queued, then the provider's actual
 * price), the daily report, cost per user, alerts and the daily spend cap. Uses delivery (its
 * {@code MessageCosts} SPI, its events, and its log read-only for reports) and shared.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li><b>Prices.</b> {@code sms.costs.prices.<country>} (USD per segment; US and CA 0.0083 by
 *       default, {@code SMS_COSTS_PRICES_GB=0.04} adds a country); other countries cost {@code
 *       SMS_PRICE_PER_SEGMENT}. The destination's country is stored with the message. Amounts are
 *       {@code BigDecimal} and {@code numeric} all the way: no float anywhere, sums are exact.
 *   <li><b>No extra round trip when sending.</b> The estimate, country and segments are written by
 *       the insert that queues a message; the cap check is one more statement in the queuing
 *       transaction, and only when a cap is set. Nothing is added to the dispatch path.
 *   <li><b>Spend cap.</b> One {@code spend_day} row per UTC day holds estimates taken when messages
 *       are queued, corrected by each actual price ({@code SmsPriced}, also when the price comes
 *       without a status change). Taking is one conditional statement ({@code spent + amount <=
 *       limit}), so the cap holds under concurrency and across instances. Non-critical texts may
 *       spend up to {@code SMS_DAILY_BUDGET}; security alerts and verification codes up to budget
 *       plus {@code SMS_DAILY_RESERVE} (without a reserve they are not capped). The check runs in
 *       delivery's outbox through the {@code MessageCosts} SPI that this module contributes, so
 *       verification (which may not use costs) draws on the reserve too: a refused code answers 503
 *       {@code budget_exhausted}, a refused notification is skipped as {@code budget_exhausted}
 *       (rule 7). A message that ends unsent keeps its estimate counted: the cap errs on the side
 *       of spending less. A deferred message is counted on the day it was queued.
 *   <li><b>Daily report.</b> The {@code cost-daily-report} job (every {@code reportInterval}, 1 h)
 *       recomputes the last two finished UTC days from their messages (a range of the {@code
 *       created_at} index) and replaces their rows, so re-running is harmless and late prices land.
 *       Today is computed live on each request. Rows are per day, type and country ({@code ZZ}
 *       unknown); {@code cost} is the actual price where known, else the estimate.
 *   <li><b>Alerts</b> ({@code cost-alert-check}, every minute): today's spend, one user's spend
 *       today, the failure rate of the last hour (from {@code failureMinMessages} finished
 *       messages), and 30007/21610 bursts in the last hour. The key (kind, day, threshold, subject)
 *       is unique, so an alert fires once per threshold per day on any number of instances. It is
 *       stored, logged at WARN and, with {@code SMS_ALERT_WEBHOOK_URL}, POSTed as JSON by a
 *       db-scheduler task of its own (timeout, doubling retries, then given up), never on a send's
 *       path.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"delivery", "shared"})
package com.allthrive.sms.costs;

import org.springframework.modulith.ApplicationModule;
