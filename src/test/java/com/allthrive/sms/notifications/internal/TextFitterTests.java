package com.allthrive.sms.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.Segments;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Smart encoding and segment budgets over the user-supplied parts of a text. */
class TextFitterTests {

  static final String THREAD = "https://allthrive.ai/m/42";

  @Test
  void aPreviewWithCurlyQuotesAndAnEnDashStaysGsm7AndOneSegment() {
    String preview = "It\u2019s \u201cdone\u201d \u2013 see you at 6\u2026";

    var fitted = fitter(Map.of()).fit(dm("Ada", preview), MessageType.DIRECT_MESSAGE);

    assertThat(fitted.body())
        .isEqualTo(
            "Ada sent you a message: \"It's \"done\" - see you at 6...\"\n\nReply: " + THREAD);
    assertThat(Segments.of(fitted.body())).isEqualTo(new Segments(1, Segments.Encoding.GSM7));
    assertThat(fitted.savings().savedByEncoding()).isEqualTo(1);
    assertThat(fitted.savings().savedByTrimming()).isZero();
  }

  @Test
  void aFiftyEmojiPreviewArrivesWholeUnderTheDefaultBudget() {
    String preview = "\uD83D\uDE00".repeat(50);

    var fitted = fitter(Map.of()).fit(dm("Ada", preview), MessageType.DIRECT_MESSAGE);

    assertThat(fitted.body()).contains(preview);
    assertThat(fitted.savings().savedByTrimming()).isZero();
  }

  @Test
  void withADmBudgetOfOneAnEmojiPreviewIsShortenedToFit() {
    String preview = "\uD83D\uDE00".repeat(50);

    var fitted =
        fitter(Map.of("direct_message", 1)).fit(dm("Ada", preview), MessageType.DIRECT_MESSAGE);

    assertThat(Segments.of(fitted.body()).count()).isEqualTo(1);
    assertThat(fitted.body())
        .isEqualTo(
            "Ada sent you a message: \"" + "\uD83D\uDE00".repeat(3) + "...\"\n\nReply: " + THREAD);
    assertThat(fitted.savings().savedByTrimming()).isEqualTo(2);
  }

  @Test
  void neverChangesFixedTextsOrACodeInThem() {
    String fixed = "Your code is: 123456 \u2013 it\u2019s valid for 10 minutes.";

    var fitted =
        fitter(Map.of("phone_verification", 1, "security_alert", 1))
            .fit(Template.fixed(fixed), MessageType.PHONE_VERIFICATION);

    assertThat(fitted.body()).isEqualTo(fixed);
    assertThat(fitted.savings()).isEqualTo(com.allthrive.sms.delivery.OutgoingSms.Accounting.NONE);
  }

  @Test
  void replacesNonBreakingSpacesAndCleansTheUserPart() {
    String name = "Ada\u00A0\u00A0Lovelace\u2014the\nfirst";

    var fitted = fitter(Map.of()).fit(dm(name, "hi"), MessageType.DIRECT_MESSAGE);

    assertThat(fitted.body()).startsWith("Ada Lovelace-the first sent you a message: \"hi\"");
  }

  @Test
  void shortensByCodePointsAndNeverSplitsAnEmoji() {
    String preview = "a\uD83D\uDE00".repeat(40);

    var fitted =
        fitter(Map.of("direct_message", 2)).fit(dm("Ada", preview), MessageType.DIRECT_MESSAGE);

    String body = fitted.body();
    assertThat(Segments.of(body).count()).isLessThanOrEqualTo(2);
    assertThat(body.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp))).isTrue();
  }

  /** The plan's DM text, as the direct-message touchpoint builds it. */
  static Template dm(String sender, String preview) {
    return DirectMessageHandler.body(
        new DirectMessageHandler.Created(
            "42", "m1", new UserId("ada"), sender, List.of(new UserId("bob")), preview, THREAD));
  }

  static TextFitter fitter(Map<String, Integer> budgets) {
    return new TextFitter(
        new NotificationsSettings(
            "AllThrive",
            "http://localhost:3000",
            20,
            3,
            Duration.ofHours(24),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            500,
            4,
            Duration.ofMinutes(1),
            3,
            budgets,
            Duration.ofDays(90),
            Duration.ofDays(7),
            64,
            2,
            Duration.ofMillis(10),
            256));
  }
}
