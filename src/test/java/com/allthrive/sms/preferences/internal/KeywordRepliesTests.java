package com.allthrive.sms.preferences.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.preferences.PreferencesSettings;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeywordRepliesTests {

  static final PhoneNumber FROM = new PhoneNumber("+16175550301");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  ConsentRecorder recorder = mock(ConsentRecorder.class);

  @Test
  void repliesAreBrandedAndConfigurable() {
    var settings =
        new PreferencesSettings(
            "Thrive Club",
            "{brand} help: thriveclub.example/sms."
                + " Msg & data rates may apply. Reply STOP to cancel.",
            null,
            null,
            false);

    var help = replies(settings).handle(new InboundSms(FROM, "INFO", null, "SM1"));
    var stop = replies(settings).handle(new InboundSms(FROM, "stop", null, "SM2"));

    assertThat(help)
        .contains(
            "Thrive Club help: thriveclub.example/sms. Msg & data rates may apply. Reply STOP to cancel.");
    assertThat(stop)
        .contains(
            "You have been unsubscribed from Thrive Club texts."
                + " No more messages will be sent. Reply START to resubscribe.");
  }

  @Test
  void aFlaggedKeywordIsAnsweredOnlyWhenConfiguredTo() {
    var flagged = new InboundSms(FROM, "whatever", "STOP", "SM3");
    var quiet = new PreferencesSettings(null, null, null, null, false);
    var talkative = new PreferencesSettings(null, null, null, null, true);

    assertThat(replies(quiet).handle(flagged)).isEmpty();
    verify(recorder).optOut(eq(FROM), eq(ConsentMethod.SMS_KEYWORD), eq("SM3"), isNull(), any());
    assertThat(replies(talkative).handle(flagged)).contains(talkative.stopConfirmation());
    verify(recorder)
        .optOut(
            FROM, ConsentMethod.SMS_KEYWORD, "SM3", talkative.stopConfirmation(), CLOCK.instant());
  }

  @Test
  void helpAndOrdinaryTextsChangeNoConsent() {
    var settings = new PreferencesSettings(null, null, null, null, false);

    replies(settings).handle(new InboundSms(FROM, "HELP", null, "SM4"));
    replies(settings).handle(new InboundSms(FROM, "see you at the battle", null, "SM5"));

    verifyNoInteractions(recorder);
  }

  KeywordReplies replies(PreferencesSettings settings) {
    return new KeywordReplies(recorder, settings, CLOCK);
  }
}
