package com.allthrive.sms.preferences;

import static com.allthrive.sms.preferences.PreferencesFixtures.HISTORY;
import static com.allthrive.sms.preferences.PreferencesFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.delivery.ProviderOptOutReported;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** STOP, START and HELP texted to us, and the provider's opt-out report. */
abstract class OptOutTests extends ConsentLedgerTests {

  static final String STOP_REPLY =
      "You have been unsubscribed from AllThrive texts."
          + " No more messages will be sent. Reply START to resubscribe.";

  @Autowired InboundSmsHandler inbound;
  @Autowired ApplicationEventPublisher events;

  @Test
  void stopIsConfirmedOnceAndReachesEveryAccountUsingTheNumber() {
    fx.provision("opt-first", "UTC", "+16175550201");
    fx.provision("opt-second", "UTC", "+16175550201");

    var reply = inbound.handle(text("+16175550201", "Stop. Thank you"));

    assertThat(reply).contains(STOP_REPLY);
    for (String user : List.of("opt-first", "opt-second")) {
      assertThat(fx.optedOut(user)).isTrue();
      assertThat(fx.get(user, HISTORY))
          .bodyJson()
          .isLenientlyEqualTo(
              "[{\"action\": \"opt_out\", \"method\": \"sms_keyword\", \"phone_number\": \"+16175550201\","
                  + " \"disclosure_text\": \""
                  + STOP_REPLY
                  + "\"}]");
    }
    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550201"))).isTrue();
  }

  @Test
  void startAfterStopOptsTheNumberBackIn() {
    fx.provision("opt-back", "UTC", "+16175550202");
    verify("opt-back", "+16175550202");
    inbound.handle(text("+16175550202", "STOP"));

    var reply = inbound.handle(text("+16175550202", "start"));

    assertThat(reply).hasValueSatisfying(r -> assertThat(r).contains("resubscribed", "AllThrive"));
    assertThat(fx.optedOut("opt-back")).isFalse();
    assertThat(fx.get("opt-back", HISTORY))
        .bodyJson()
        .extractingPath("$[*].action")
        .isEqualTo(List.of("opt_in", "opt_out", "opt_in"));
    assertThat(fx.get("opt-back", HISTORY))
        .bodyJson()
        .extractingPath("$[*].method")
        .isEqualTo(List.of("sms_keyword", "sms_keyword", "web"));
    assertThat(consents("opt-back", "+16175550202")).isTrue();
  }

  @Test
  void stopEndsConsentUntilStart() {
    fx.provision("opt-consent", "UTC", "+16175550203");
    verify("opt-consent", "+16175550203");

    inbound.handle(text("+16175550203", "UNSUBSCRIBE"));

    assertThat(consents("opt-consent", "+16175550203")).isFalse();
  }

  @Test
  void stopFromANumberNoAccountUsesIsRecordedWithoutAUser() {
    var reply = inbound.handle(text("+16175550204", "  opt out  "));

    assertThat(reply).contains(STOP_REPLY);
    assertThat(fx.adminHistory("+16175550204"))
        .bodyJson()
        .isLenientlyEqualTo(
            "[{\"action\": \"opt_out\", \"user_id\": null, \"method\": \"sms_keyword\"}]");
    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550204"))).isTrue();
  }

  @Test
  void helpAnswersWhoWeAreWhatItCostsAndHowToStop() {
    var reply = inbound.handle(text("+16175550205", "help?"));

    assertThat(reply)
        .hasValueSatisfying(
            r -> assertThat(r).contains("AllThrive", "Msg & data rates may apply", "Reply STOP"));
    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550205"))).isFalse();
    assertThat(fx.adminHistory("+16175550205")).bodyJson().isEqualTo("[]");
  }

  @Test
  void ordinaryTextsGetNoReplyAndChangeNothing() {
    for (String body : Arrays.asList("don't stop", "stop the battle at 5", "see you soon")) {
      assertThat(inbound.handle(text("+16175550206", body))).isEmpty();
    }

    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550206"))).isFalse();
    assertThat(fx.adminHistory("+16175550206")).bodyJson().isEqualTo("[]");
  }

  @Test
  void twiliosOptOutTypeWinsOverTheBodyAndTwiliosOwnReplyIsNotRepeated() {
    var flagged = new InboundSms(new PhoneNumber("+16175550207"), "hello there", "STOP", "SM207");

    var reply = inbound.handle(flagged);

    assertThat(reply).isEmpty();
    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550207"))).isTrue();
    assertThat(fx.adminHistory("+16175550207"))
        .bodyJson()
        .isLenientlyEqualTo(
            "[{\"action\": \"opt_out\", \"reference\": \"SM207\", \"disclosure_text\": null}]");
  }

  @Test
  void aStartFlagOverridesAStopBody() {
    inbound.handle(text("+16175550208", "STOP"));

    inbound.handle(new InboundSms(new PhoneNumber("+16175550208"), "STOP", "START", "SM208"));

    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550208"))).isFalse();
  }

  @Test
  void theProvidersOptOutReportPutsTheNumberOnTheListOnce() {
    fx.provision("opt-provider", "UTC", "+16175550209");
    var report = new ProviderOptOutReported(new PhoneNumber("+16175550209"), 42, Instant.now());

    var tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(s -> events.publishEvent(report));
    tx.executeWithoutResult(s -> events.publishEvent(report));

    assertThat(fx.optedOut("opt-provider")).isTrue();
    assertThat(fx.get("opt-provider", HISTORY))
        .bodyJson()
        .isLenientlyEqualTo(
            "[{\"action\": \"opt_out\", \"method\": \"provider\", \"reference\": \"sms_message/42\"}]");
    assertThat(fx.get("opt-provider", HISTORY))
        .bodyJson()
        .extractingPath("$[*].action")
        .isEqualTo(List.of("opt_out"));
  }

  @Test
  void theOptOutOutlivesTheErasureOfTheAccount() {
    fx.provision("opt-erased", "UTC", "+16175550210");
    inbound.handle(text("+16175550210", "STOP"));

    mvc.delete()
        .uri("/api/v1/platform/users/{id}", "opt-erased")
        .header("X-Api-Key", com.allthrive.sms.support.TestKeys.PLATFORM_KEY)
        .exchange();

    assertThat(preferences.isOptedOut(new PhoneNumber("+16175550210"))).isTrue();
    assertThat(fx.adminHistory("+16175550210")).bodyJson().extractingPath("$[0].user_id").isNull();
  }
}
