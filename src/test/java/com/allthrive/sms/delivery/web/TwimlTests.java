package com.allthrive.sms.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwimlTests {

  @Test
  void wrapsAReplyInAMessageWithXmlEscaped() {
    assertThat(Twiml.reply(Optional.of("Tom & \"Jerry\" <3 'you' 🏆")))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + "Tom &amp; &quot;Jerry&quot; &lt;3 &apos;you&apos; 🏆</Message></Response>");
  }

  @Test
  void answersNothingWithAnEmptyResponse() {
    assertThat(Twiml.reply(Optional.empty())).endsWith("<Response/>");
    assertThat(Twiml.reply(Optional.of("  "))).endsWith("<Response/>");
  }

  @Test
  void dropsCharactersXmlCannotCarry() {
    assertThat(Twiml.escape("a\u0000b\u0007c\nd\uFFFEe")).isEqualTo("abc\nde");
  }
}
