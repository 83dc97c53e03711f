package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Sending: parameters, failures, retries, lost answers, expiry, rollback and sealed texts. */
abstract class DispatchTests extends DeliveryIntegrationTests {

  @Test
  void sendsThroughTwilioAndRecordsTheMessageSid() {
    PhoneNumber to = newNumber();

    long id = outbox.enqueue(sms(to, "Ada sent you a message: hi!")).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    var form = twilio.sendsTo(to.e164()).get(0);
    assertThat(form)
        .containsEntry("To", to.e164())
        .containsEntry("From", FakeTwilio.FROM)
        .containsEntry("Body", "Ada sent you a message: hi!")
        .containsEntry(
            "StatusCallback", DeliveryFixtures.PUBLIC_BASE_URL + "/webhooks/twilio/status?m=" + id);
    assertThat(Integer.parseInt(form.get("ValidityPeriod"))).isBetween(3500, 3600);
    var row = row(jdbc, id);
    assertThat(row.get("provider_message_id")).isEqualTo(twilio.created(to.e164()).get(0).sid());
    assertThat(row.get("provider_message_id").toString()).matches("SM[0-9a-f]{32}");
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat((BigDecimal) row.get("estimated_cost")).isEqualByComparingTo("0.0083");
    assertThat(events.statusChanges(id))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(MessageStatus.SENT));
    assertThat(events.allInTransactions()).isTrue();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void failsAnInvalidNumberAtOnceWithoutRetrying(CapturedOutput output) {
    PhoneNumber to = newNumber();
    twilio.reject(
        to.e164(), 400, 21211, "The 'To' number " + to.e164() + " is not a valid phone number.");

    long id = outbox.enqueue(sms(to, "hello")).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("failed"));
    await()
        .during(Duration.ofMillis(800))
        .atMost(WAIT)
        .until(() -> twilio.sendsTo(to.e164()).size() == 1);
    var row = row(jdbc, id);
    assertThat(row.get("error_code")).isEqualTo("21211");
    assertThat(row.get("error_message").toString())
        .contains("is not a valid phone number")
        .doesNotContain(to.e164());
    assertThat(output.getAll())
        .contains("refused by the provider: 21211")
        .doesNotContain(to.e164());
    assertThat(events.statusChanges(id))
        .extracting(SmsStatusChanged::status)
        .containsExactly(MessageStatus.FAILED);
  }

  @Test
  void retriesServerErrorsUntilTwilioTakesTheMessageOnce() {
    PhoneNumber to = newNumber();
    twilio.failThenAccept(to.e164(), 2, 500);

    long id = outbox.enqueue(sms(to, "third time lucky")).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    assertThat(twilio.sendsTo(to.e164())).hasSize(3);
    assertThat(twilio.created(to.e164())).hasSize(1);
    var row = row(jdbc, id);
    assertThat(row.get("provider_message_id")).isEqualTo(twilio.created(to.e164()).get(0).sid());
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(row.get("error_code")).isNull();
    // the poller's run that sent it removed its own task with the result, in one commit
    assertThat(events.taskLeftWhenSent(id)).isFalse();
  }

  @Test
  void reportsAnOptOutWhenTwilioRefusesTheNumber() {
    PhoneNumber to = newNumber();
    twilio.reject(to.e164(), 400, 21610, "Attempt to send to unsubscribed recipient");

    long id = outbox.enqueue(sms(to, "hello again")).messageId();

    await().atMost(WAIT).until(() -> events.optOuts(id).size() == 1);
    assertThat(events.optOuts(id).get(0).number()).isEqualTo(to);
    assertThat(status(jdbc, id)).isEqualTo("failed");
    assertThat(row(jdbc, id).get("error_code")).isEqualTo("21610");
    assertThat(events.allInTransactions()).isTrue();
  }

  @Test
  void expiresAMessagePastItsValidityWithoutSendingIt() {
    PhoneNumber to = newNumber();
    var stale =
        sms(to, "the battle starts now")
            .withSchedule(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5));

    long id = outbox.enqueue(stale).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("expired"));
    assertThat(twilio.sendsTo(to.e164())).isEmpty();
    assertThat(events.statusChanges(id))
        .extracting(SmsStatusChanged::status)
        .containsExactly(MessageStatus.EXPIRED);
  }

  @Test
  void aRolledBackDecisionLeavesNoMessageAndSendsNothing() {
    PhoneNumber to = newNumber();
    OutgoingSms sms = sms(to, "never");
    long tasksBefore = dispatchTasks();

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      outbox.enqueue(sms);
                      throw new IllegalStateException("the business decision failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(
            jdbc.sql("select count(*) from sms_message where idempotency_key = :k")
                .param("k", sms.idempotencyKey())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(dispatchTasks()).isEqualTo(tasksBefore);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(() -> twilio.sendsTo(to.e164()).isEmpty());
  }

  @Test
  void sendsTheSealedRealTextButKeepsOnlyTheRedactedOne() {
    PhoneNumber to = newNumber();
    var code =
        OutgoingSms.of(
                DeliveryFixtures.newKey(),
                to,
                MessageType.PHONE_VERIFICATION,
                "Your code is: 482913",
                null)
            .withLoggedBody("Your code is: ******");

    long id = outbox.enqueue(code).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    var form = twilio.sendsTo(to.e164()).get(0);
    assertThat(form.get("Body")).isEqualTo("Your code is: 482913");
    assertThat(Integer.parseInt(form.get("ValidityPeriod"))).isBetween(500, 600);
    var row = row(jdbc, id);
    assertThat(row.get("body")).isEqualTo("Your code is: ******");
    assertThat(row.get("sealed_body")).isNull();
  }

  @Test
  void neverSendsTheRedactedTextWhenTheSealedTextCannotBeOpened() {
    PhoneNumber to = newNumber();
    var code =
        OutgoingSms.of(
                DeliveryFixtures.newKey(),
                to,
                MessageType.PHONE_VERIFICATION,
                "Your code is: 111222",
                null)
            .withLoggedBody("Your code is: ******")
            // due a moment later, so that the dispatch task (not the send right after commit,
            // which has the text at hand) is the one that must open the sealed text
            .withSchedule(clock.instant().plusSeconds(1), null);

    long id =
        transactions.execute(
            status -> {
              long queued = outbox.enqueue(code).messageId();
              jdbc.sql("update sms_message set sealed_body = :junk where id = :id")
                  .param("junk", new byte[40])
                  .param("id", queued)
                  .update();
              return queued;
            });

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("expired"));
    assertThat(twilio.sendsTo(to.e164())).isEmpty();
    assertThat(row(jdbc, id).get("error_code")).isEqualTo("sealed_body_unreadable");
    assertThat(row(jdbc, id).get("sealed_body")).isNull();
  }
}
