package com.allthrive.sms.delivery.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding a send whose answer was lost, against a fake Twilio that behaves like the real one: a
 * message is queued without a {@code date_sent} until Twilio sends it, and lists honour their
 * filters.
 */
class TwilioLookupTests {

  private final FakeTwilio twilio = FakeTwilio.shared();
  private final TwilioProvider provider =
      new TwilioProvider(
          TwilioProviderTests.settings(twilio.baseUrl(), Duration.ofSeconds(2), null));

  @BeforeEach
  void reset() {
    twilio.reset();
  }

  @Test
  void findsAMessageTwilioStillHoldsQueued() {
    PhoneNumber to = new PhoneNumber("+13035559001");
    Instant claimed = Instant.now();
    provider.send(request(to, "still in Twilio's queue"));

    var found = provider.lookup(new LookupRequest(1, to, "still in Twilio's queue", claimed));

    String sid = twilio.created(to.e164()).get(0).sid();
    assertThat(twilio.statusOf(sid)).isEqualTo("queued");
    assertThat(found)
        .isInstanceOfSatisfying(
            LookupOutcome.Found.class,
            f ->
                assertThat(f.matches())
                    .extracting(LookupOutcome.Match::providerMessageId)
                    .containsExactly(sid));
  }

  @Test
  void theFakeFiltersOnDateSentWhichAQueuedMessageDoesNotHave() {
    PhoneNumber to = new PhoneNumber("+13035559002");
    provider.send(request(to, "queued, then sent"));
    ZonedDateTime yesterday = ZonedDateTime.now(ZoneOffset.UTC).minusDays(1);

    List<Message> whileQueued = list(reader(to).setDateSentAfter(yesterday));
    twilio.advance(to.e164());
    List<Message> onceSent = list(reader(to).setDateSentAfter(yesterday));
    List<Message> sentBeforeYesterday = list(reader(to).setDateSentBefore(yesterday));
    List<Message> fromAnotherNumber =
        list(reader(to).setFrom(new com.twilio.type.PhoneNumber("+15005550009")));

    assertThat(whileQueued).isEmpty();
    assertThat(onceSent).singleElement().satisfies(m -> assertThat(m.getDateSent()).isNotNull());
    assertThat(sentBeforeYesterday).isEmpty();
    assertThat(fromAnotherNumber).isEmpty();
    twilio.advance(to.e164());
    assertThat(twilio.statusOf(onceSent.get(0).getSid())).isEqualTo("delivered");
  }

  @Test
  void matchesATextAMessagingServiceReEncoded() {
    assertThat(LookupBodies.sameText("It’s on — “go” now…", "It's on - \"go\" now...")).isTrue();
    assertThat(LookupBodies.sameText("Your code is 123456", "Your code is 654321")).isFalse();
  }

  private MessageReader reader(PhoneNumber to) {
    return new MessageReader(FakeTwilio.ACCOUNT_SID)
        .setTo(new com.twilio.type.PhoneNumber(to.e164()));
  }

  private List<Message> list(MessageReader reader) {
    TwilioRestClient client =
        new TwilioRestClient.Builder(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN)
            .accountSid(FakeTwilio.ACCOUNT_SID)
            .httpClient(
                new TwilioHttpClient(
                    TwilioProviderTests.settings(twilio.baseUrl(), Duration.ofSeconds(2), null)
                        .twilio()))
            .build();
    return reader.firstPage(client).getRecords();
  }

  private static SendRequest request(PhoneNumber to, String body) {
    return new SendRequest(1, to, MessageType.OTHER, body, body, Duration.ofHours(1));
  }
}
