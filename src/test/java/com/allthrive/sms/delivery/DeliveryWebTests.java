package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.PUBLIC_BASE_URL;
import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.newUser;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static com.allthrive.sms.delivery.DeliveryFixtures.sms;
import static com.allthrive.sms.delivery.DeliveryFixtures.status;
import static com.allthrive.sms.delivery.DeliveryWebClient.INBOUND;
import static com.allthrive.sms.delivery.DeliveryWebClient.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.TokenMinter;
import com.allthrive.sms.delivery.DeliveryTestConfiguration.RecordedEvents;
import com.allthrive.sms.delivery.DeliveryWebClient.Sent;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.FakeTwilio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Twilio's status and inbound webhooks, signed as Twilio signs them, on either database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DeliveryTestConfiguration.class)
abstract class DeliveryWebTests {

  static final Duration WAIT = Duration.ofSeconds(15);

  static final FakeTwilio twilio = FakeTwilio.shared();

  @Autowired MockMvcTester mvc;
  @Autowired SmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired RecordedEvents events;
  @Autowired TokenMinter tokens;
  @Autowired SmsLog log;

  DeliveryWebClient web;

  @BeforeEach
  void client() {
    web = new DeliveryWebClient(mvc);
  }

  static void settings(DynamicPropertyRegistry registry) {
    twilio.configure(registry);
    registry.add("sms.delivery.public-base-url", () -> PUBLIC_BASE_URL);
  }

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

  @Test
  void adminsListTheLogNewestFirstFilteredAndPaged() throws Exception {
    UserId alice = newUser("alice");
    UserId bob = newUser("bob");
    long first = waiting(alice, MessageType.DIRECT_MESSAGE, "Bea: see you at 6");
    long second = waiting(alice, MessageType.ACHIEVEMENT_UNLOCK, "You unlocked First Steps");
    long bobs = waiting(bob, MessageType.DIRECT_MESSAGE, "for bob");

    var all = web.adminList("user_id=" + alice.value());
    var typed = web.adminList("user_id=" + alice.value() + "&message_type=direct_message");
    var paged = web.adminList("user_id=" + alice.value() + "&size=1&page=1");
    var pending = web.adminList("user_id=" + bob.value() + "&status=pending");
    var later =
        web.adminList("user_id=" + alice.value() + "&from=" + Instant.now().plusSeconds(3600));

    assertThat(all)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[*].id")
        .isEqualTo(List.of((int) second, (int) first));
    assertThat(all).bodyJson().extractingPath("$.total").isEqualTo(2);
    assertThat(all)
        .bodyJson()
        .extractingPath("$.items[0].to_phone")
        .asString()
        .matches("\\+1\\*+\\d\\d");
    assertThat(all)
        .bodyJson()
        .extractingPath("$.items[0].message_type")
        .isEqualTo("achievement_unlock");
    assertThat(all.getResponse().getContentAsString()).doesNotContain("sealed");
    assertThat(typed).bodyJson().extractingPath("$.items[*].id").isEqualTo(List.of((int) first));
    assertThat(paged).bodyJson().extractingPath("$.items[*].id").isEqualTo(List.of((int) first));
    assertThat(paged).bodyJson().extractingPath("$.page").isEqualTo(1);
    assertThat(paged).bodyJson().extractingPath("$.size").isEqualTo(1);
    assertThat(pending).bodyJson().extractingPath("$.items[*].id").isEqualTo(List.of((int) bobs));
    assertThat(later).bodyJson().extractingPath("$.total").isEqualTo(0);
  }

  @Test
  void refusesBadFiltersWithAProblem() {
    for (String query :
        List.of(
            "status=lost",
            "message_type=spam",
            "from=yesterday",
            "size=201",
            "size=0",
            "page=-1",
            "page=two",
            "user_id=not%20an%20id",
            "from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")) {
      var result = web.adminList(query);

      assertThat(result)
          .as(query)
          .hasStatus(400)
          .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_filter");
    }
  }

  @Test
  void usersSeeOnlyTheirOwnMessagesWithCodesRedacted() throws Exception {
    UserId dana = newUser("dana");
    long code =
        outbox
            .enqueue(
                OutgoingSms.of(
                        DeliveryFixtures.newKey(),
                        newNumber(),
                        MessageType.PHONE_VERIFICATION,
                        "Your code is: 123456",
                        dana)
                    .withLoggedBody("Your code is: ******")
                    .withSchedule(Instant.now().plusSeconds(3600), null))
            .messageId();
    waiting(newUser("erin"), MessageType.DIRECT_MESSAGE, "not for dana");
    String token = tokens.mint(dana, Duration.ofMinutes(5), List.of());

    var mine = web.myList(token, "");
    var others = web.myList(token, "user_id=someone-else");

    assertThat(mine)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[*].id")
        .isEqualTo(List.of((int) code));
    assertThat(mine).bodyJson().extractingPath("$.items[0].body").isEqualTo("Your code is: ******");
    assertThat(mine.getResponse().getContentAsString())
        .doesNotContain("123456")
        .doesNotContain("provider");
    assertThat(others).hasStatus(400);
  }

  @Test
  void erasureMasksTheNumberDropsTheTextAndStopsWaitingMessages() {
    UserId fay = newUser("fay");
    PhoneNumber to = newNumber();
    long waiting = waiting(fay, MessageType.CHALLENGE_REMINDER, "Fay, 1 hour left", to);

    int erased = log.anonymize(fay);

    assertThat(erased).isEqualTo(1);
    var row = row(jdbc, waiting);
    assertThat(row.get("to_phone")).isEqualTo(to.masked());
    assertThat(row.get("body")).isNull();
    assertThat(row.get("recipient_user_id")).isNull();
    assertThat(row.get("status")).isEqualTo("expired");
    assertThat(row.get("error_code")).isEqualTo("recipient_erased");
    assertThat((BigDecimal) row.get("estimated_cost")).isEqualByComparingTo("0.0083");
    assertThat(web.adminList("user_id=" + fay.value()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
  }

  private long waiting(UserId user, MessageType type, String body) {
    return waiting(user, type, body, newNumber());
  }

  /** A message for later, so it stays pending while the test looks at it. */
  private long waiting(UserId user, MessageType type, String body, PhoneNumber to) {
    var sms =
        OutgoingSms.of(DeliveryFixtures.newKey(), to, type, body, user)
            .withSchedule(Instant.now().plusSeconds(3600), null);
    return outbox.enqueue(sms).messageId();
  }

  private Sent sendOne() {
    PhoneNumber to = newNumber();
    long id = outbox.enqueue(sms(to, "Your battle result is in")).messageId();
    await().atMost(WAIT).until(() -> status(jdbc, id).equals("sent"));
    return new Sent(id, row(jdbc, id).get("provider_message_id").toString(), to);
  }
}
