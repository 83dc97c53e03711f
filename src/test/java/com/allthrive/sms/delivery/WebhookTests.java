package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.PUBLIC_BASE_URL;
import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static com.allthrive.sms.delivery.DeliveryWebClient.INBOUND;
import static com.allthrive.sms.delivery.DeliveryWebClient.STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.DeliveryWebClient.Sent;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Twilio's status and inbound webhooks, signed as Twilio signs them. */
abstract class WebhookTests extends LostSendTests {

  @Test
  void aSignedDeliveryReportMovesTheMessageOnAndStoresTheExactPrice() {
    Sent sent = sendOne();

    var result = web.callback(sent, "delivered", Map.of("Price", "-0.00750", "PriceUnit", "USD"));

    assertThat(result).hasStatus(204);
    var row = row(jdbc, sent.id());
    assertThat(row.get("status")).isEqualTo("delivered");
    assertThat(row.get("delivered_at")).isNotNull();
    assertThat(((BigDecimal) row.get("price")).stripTrailingZeros())
        .isEqualTo(new BigDecimal("0.0075"));
    assertThat(row.get("price_unit")).isEqualTo("USD");
    assertThat(events.statusChanges(sent.id()))
        .last()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(MessageStatus.DELIVERED);
              assertThat(e.price()).isEqualByComparingTo("0.0075");
              assertThat(e.priceUnit()).isEqualTo("USD");
              assertThat(e.estimatedCost()).isEqualByComparingTo("0.0083");
            });
  }

  @Test
  void refusesCallbacksWithoutAValidSignature() {
    Sent sent = sendOne();
    Map<String, String> params = DeliveryWebClient.statusParams(sent, "delivered");
    String url = PUBLIC_BASE_URL + STATUS + "?m=" + sent.id();

    var unsigned = web.post(STATUS + "?m=" + sent.id(), params, null);
    var otherToken =
        web.post(STATUS + "?m=" + sent.id(), params, FakeTwilio.sign(url, params, "not-the-token"));
    var otherUrl =
        web.post(
            STATUS + "?m=" + sent.id(),
            params,
            FakeTwilio.sign(url + "1", params, FakeTwilio.AUTH_TOKEN));

    for (MvcTestResult result : new MvcTestResult[] {unsigned, otherToken, otherUrl}) {
      assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_signature");
    }
    assertThat(status(jdbc, sent.id())).isEqualTo("sent");
  }

  @Test
  void aLateSentReportNeverOverwritesDelivered() {
    Sent sent = sendOne();

    assertThat(web.callback(sent, "delivered", Map.of())).hasStatus(204);
    assertThat(web.callback(sent, "sent", Map.of())).hasStatus(204);
    assertThat(web.callback(sent, "delivered", Map.of())).hasStatus(204);

    assertThat(status(jdbc, sent.id())).isEqualTo("delivered");
    assertThat(events.statusChanges(sent.id()))
        .extracting(SmsStatusChanged::status)
        .containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
  }

  @Test
  void aFailedReportWithTheOptOutCodeReportsTheOptOut() {
    Sent sent = sendOne();

    assertThat(web.callback(sent, "failed", Map.of("ErrorCode", "21610"))).hasStatus(204);

    assertThat(status(jdbc, sent.id())).isEqualTo("failed");
    assertThat(row(jdbc, sent.id()).get("error_code")).isEqualTo("21610");
    assertThat(events.optOuts(sent.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.number()).isEqualTo(sent.to()));
    assertThat(events.allInTransactions()).isTrue();
  }

  @Test
  void aCallbackFindsAMessageWhoseSendAnswerWasLostByTheIdInItsUrl() {
    PhoneNumber to = newNumber();
    long id =
        outbox
            .enqueue(sms(to, "later").withSchedule(Instant.now().plus(Duration.ofHours(1)), null))
            .messageId();
    Sent unknown = new Sent(id, "SM" + "f".repeat(32), to);

    assertThat(web.callback(unknown, "sent", Map.of())).hasStatus(204);

    var row = row(jdbc, id);
    assertThat(row.get("status")).isEqualTo("sent");
    assertThat(row.get("provider_message_id")).isEqualTo(unknown.sid());
  }

  @Test
  void answersAnInboundTextWithTheHandlersReplyAsTwiml() {
    PhoneNumber from = newNumber();

    var reply =
        web.inbound(Map.of("From", from.e164(), "Body", "hi", "MessageSid", "SM" + "1".repeat(32)));
    var silence =
        web.inbound(
            Map.of("From", from.e164(), "Body", "quiet", "MessageSid", "SM" + "2".repeat(32)));

    assertThat(reply).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_XML);
    assertThat(reply)
        .hasBodyTextEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>You said &lt;hi&gt; &amp; we heard "
                + from.masked()
                + "</Message></Response>");
    assertThat(silence)
        .hasStatusOk()
        .hasBodyTextEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
  }

  @Test
  void refusesAnUnsignedInboundText() {
    var result = web.post(INBOUND, Map.of("From", newNumber().e164(), "Body", "STOP"), null);

    assertThat(result).hasStatus(403);
  }
}
