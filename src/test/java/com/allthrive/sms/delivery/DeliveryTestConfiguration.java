package com.allthrive.sms.delivery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Records the module's events and answers inbound texts, for the delivery tests. */
@TestConfiguration
class DeliveryTestConfiguration {

  /** An event as a listener saw it, and whether a transaction was open when it came. */
  record Seen(Object event, boolean inTransaction) {}

  /** Every delivery event published in the context. */
  static class RecordedEvents {

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void statusChanged(SmsStatusChanged event) {
      record(event);
    }

    @EventListener
    void optOut(ProviderOptOutReported event) {
      record(event);
    }

    private void record(Object event) {
      seen.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    List<SmsStatusChanged> statusChanges(long messageId) {
      return seen.stream()
          .map(Seen::event)
          .filter(e -> e instanceof SmsStatusChanged c && c.messageId() == messageId)
          .map(SmsStatusChanged.class::cast)
          .toList();
    }

    List<ProviderOptOutReported> optOuts(long messageId) {
      return seen.stream()
          .map(Seen::event)
          .filter(e -> e instanceof ProviderOptOutReported r && r.messageId() == messageId)
          .map(ProviderOptOutReported.class::cast)
          .toList();
    }

    boolean allInTransactions() {
      return seen.stream().allMatch(Seen::inTransaction);
    }
  }

  @Bean
  RecordedEvents recordedEvents() {
    return new RecordedEvents();
  }

  /** Echoes texts, says nothing to "quiet"; primary, so it wins over a real handler. */
  @Bean
  @Primary
  InboundSmsHandler echoingInboundHandler() {
    return sms ->
        sms.body().equalsIgnoreCase("quiet")
            ? Optional.empty()
            : Optional.of("You said <" + sms.body() + "> & we heard " + sms.from().masked());
  }
}
