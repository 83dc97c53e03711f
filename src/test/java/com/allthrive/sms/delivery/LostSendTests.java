package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.shared.PhoneNumber;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sends whose answer was lost: they are looked up at Twilio, whatever the message's status there
 * (Twilio sets no {@code date_sent} while a message is queued), and never sent a second time once
 * Twilio has them.
 */
abstract class LostSendTests extends DispatchTests {

  @Test
  void looksUpASendWhoseAnswerTimedOutInsteadOfSendingItAgain() {
    PhoneNumber to = newNumber();
    twilio.answerLate(to.e164(), Duration.ofMillis(2500));

    long id = outbox.enqueue(sms(to, "did this arrive?")).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    assertThat(twilio.sendsTo(to.e164())).hasSize(1);
    assertThat(twilio.lookupsFor(to.e164())).isPositive();
    assertThat(row(jdbc, id).get("provider_message_id"))
        .isEqualTo(twilio.created(to.e164()).get(0).sid());
    await()
        .during(Duration.ofMillis(800))
        .atMost(WAIT)
        .until(() -> twilio.sendsTo(to.e164()).size() == 1);
  }

  @Test
  void neverResendsAnUnansweredSendThatTwilioStillHoldsQueued() {
    PhoneNumber to = newNumber();
    twilio.hold(to.e164());

    long id = outbox.enqueue(sms(to, "still queued at Twilio")).messageId();

    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    await().atMost(WAIT).until(() -> dispatchTaskOf(id) == 0);
    // the request still hangs at Twilio: one message was taken, none other was sent
    var created = twilio.created(to.e164());
    assertThat(created).hasSize(1);
    assertThat(twilio.statusOf(created.get(0).sid())).isEqualTo("queued");
    assertThat(twilio.lookupsFor(to.e164())).isPositive();
    assertThat(row(jdbc, id).get("provider_message_id")).isEqualTo(created.get(0).sid());
  }

  private long dispatchTaskOf(long id) {
    return jdbc.sql(
            "select count(*) from scheduled_tasks where task_name = 'sms-dispatch'"
                + " and task_instance = :id")
        .param("id", Long.toString(id))
        .query(Long.class)
        .single();
  }
}
