package com.allthrive.sms.delivery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Records the module's events and answers inbound texts, for the delivery tests. */
@TestConfiguration
class DeliveryTestConfiguration {

  /**
   * An event as a listener saw it, whether a transaction was open when it came, and whether the
   * message's dispatch task was still there in that transaction.
   */
  record Seen(Object event, boolean inTransaction, boolean taskLeft) {}

  /** Every delivery event published in the context. */
  static class RecordedEvents {

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final JdbcClient jdbc;

    RecordedEvents(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @EventListener
    void statusChanged(SmsStatusChanged event) {
      boolean taskLeft =
          jdbc.sql(
                      "select count(*) from scheduled_tasks where task_name = 'sms-dispatch'"
                          + " and task_instance = :id")
                  .param("id", Long.toString(event.messageId()))
                  .query(Integer.class)
                  .single()
              > 0;
      seen.add(
          new Seen(event, TransactionSynchronizationManager.isActualTransactionActive(), taskLeft));
    }

    @EventListener
    void optOut(ProviderOptOutReported event) {
      record(event);
    }

    private void record(Object event) {
      seen.add(
          new Seen(event, TransactionSynchronizationManager.isActualTransactionActive(), false));
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

    /** Whether the message's task was still there when its move to sent was recorded. */
    boolean taskLeftWhenSent(long messageId) {
      return seen.stream()
          .filter(
              s ->
                  s.event() instanceof SmsStatusChanged c
                      && c.messageId() == messageId
                      && c.status() == MessageStatus.SENT)
          .map(Seen::taskLeft)
          .findFirst()
          .orElseThrow();
    }

    boolean allInTransactions() {
      return seen.stream().allMatch(Seen::inTransaction);
    }
  }

  @Bean
  RecordedEvents recordedEvents(JdbcClient jdbc) {
    return new RecordedEvents(jdbc);
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
