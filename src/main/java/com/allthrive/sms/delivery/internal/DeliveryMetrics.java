package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.SmsStatusChanged;
import com.allthrive.sms.delivery.provider.SendOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivery's meters, counted in memory (no database round trip): messages by type and status,
 * provider latency by outcome, retries by type, estimated and actual cost. Tags take a handful of
 * fixed values each (types, statuses, outcomes); never a user, number or message id.
 */
@Component
class DeliveryMetrics {

  private final MeterRegistry registry;

  DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Every status a message reaches, once it is committed. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(SmsStatusChanged event) {
    Counter.builder("sms.messages")
        .description("Messages reaching a status")
        .tag("type", event.type().code())
        .tag("status", event.status().code())
        .register(registry)
        .increment();
    if (event.status() == MessageStatus.SENT && event.estimatedCost() != null) {
      cost("estimated", event.type(), event.estimatedCost());
    }
  }

  void providerCall(MessageType type, SendOutcome outcome, Duration took) {
    if (outcome instanceof SendOutcome.Failed failed && "circuit_open".equals(failed.errorCode())) {
      return;
    }
    Timer.builder("sms.provider.latency")
        .description("Time the provider took to answer a send")
        .tag("type", type.code())
        .tag("outcome", outcomeOf(outcome))
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** Where the sizes of one statement's batches go ({@link GroupCommit}). */
  IntConsumer batchSizes(String statement) {
    DistributionSummary summary =
        DistributionSummary.builder("sms.dispatch.batch")
            .description("Sends whose claim or result one statement wrote")
            .tag("statement", statement)
            .register(registry);
    return summary::record;
  }

  void retry(MessageType type, String errorCode) {
    Counter.builder("sms.retries")
        .description("Sends scheduled again after a transient failure")
        .tag("type", type.code())
        .tag("reason", "circuit_open".equals(errorCode) ? "circuit_open" : "transient")
        .register(registry)
        .increment();
  }

  /** The provider's price arrived for the first time. */
  void actualCost(MessageType type, BigDecimal price) {
    cost("actual", type, price);
  }

  private void cost(String kind, MessageType type, BigDecimal amount) {
    Counter.builder("sms.cost")
        .description("Cost of messages in USD")
        .baseUnit("usd")
        .tag("kind", kind)
        .tag("type", type.code())
        .register(registry)
        .increment(amount.abs().doubleValue());
  }

  private static String outcomeOf(SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Accepted) {
      return "accepted";
    }
    if (outcome instanceof SendOutcome.Failed failed) {
      if ("circuit_open".equals(failed.errorCode())) {
        return "circuit_open";
      }
      return failed.permanent() ? "refused" : "transient";
    }
    return "unknown";
  }
}
