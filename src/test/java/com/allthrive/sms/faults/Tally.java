package com.allthrive.sms.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scenario's outcome, counted at the fake provider per message and checked against the log:
 * lost (not sent, or sent without the provider having taken it), duplicated (the provider took it
 * more than once), and what each message cost in send requests.
 *
 * @param messages messages of the scenario
 * @param sent messages the log shows sent with the provider's id of the one message it took
 * @param lost messages the provider never took, or whose log row is not sent
 * @param duplicated messages the provider took more than once
 * @param expired messages that ended expired
 * @param requestsPerMessage number of send requests → messages that needed that many
 * @param statuses status → count in the log
 */
record Tally(
    int messages,
    int sent,
    int lost,
    int duplicated,
    int expired,
    Map<Integer, Integer> requestsPerMessage,
    Map<String, Integer> statuses) {

  static Tally of(FaultCluster cluster, String prefix) throws SQLException {
    List<FaultOutbox.Row> rows = cluster.outbox.rows(prefix);
    ProviderLedger ledger = cluster.provider.ledger();
    int sent = 0;
    int lost = 0;
    int duplicated = 0;
    int expired = 0;
    Map<Integer, Integer> requests = new TreeMap<>();
    Map<String, Integer> statuses = new TreeMap<>();
    for (FaultOutbox.Row row : rows) {
      List<ProviderLedger.Created> taken = ledger.created(row.id());
      statuses.merge(row.status(), 1, Integer::sum);
      requests.merge(ledger.requests(row.id()), 1, Integer::sum);
      if (taken.size() > 1) {
        duplicated++;
      }
      if ("expired".equals(row.status())) {
        expired++;
      }
      if (taken.size() == 1
          && "sent".equals(row.status())
          && taken.get(0).sid().equals(row.providerId())) {
        sent++;
      } else if (taken.isEmpty() || !"sent".equals(row.status())) {
        lost++;
      }
    }
    return new Tally(rows.size(), sent, lost, duplicated, expired, requests, statuses);
  }

  /** Every one of {@code expected} messages was taken by the provider once and logged sent. */
  void assertExactlyOnce(int expected) {
    assertThat(messages).as(toString()).isEqualTo(expected);
    assertThat(lost).as(toString()).isZero();
    assertThat(duplicated).as(toString()).isZero();
    assertThat(sent).as(toString()).isEqualTo(expected);
  }

  /** Prints the scenario's counts with the machine's load average. */
  void report(String scenario) {
    Machine.report(
        String.format("FAULTS %s (load average %s): %s", scenario, Machine.loadAverage(), this));
  }

  /** Whether every message has left {@code pending} and {@code sending}. */
  boolean settled() {
    return !statuses.containsKey("pending") && !statuses.containsKey("sending");
  }

  @Override
  public String toString() {
    return String.format(
        "%d messages: %d sent exactly once, lost %d, duplicated %d, expired %d;"
            + " send requests per message %s; statuses %s",
        messages, sent, lost, duplicated, expired, requestsPerMessage, statuses);
  }
}
