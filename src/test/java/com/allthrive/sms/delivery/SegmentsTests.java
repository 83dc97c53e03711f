package com.allthrive.sms.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.Segments.Encoding;
import org.junit.jupiter.api.Test;

class SegmentsTests {

  @Test
  void fitsOneHundredSixtyGsmCharactersInOneSegment() {
    assertThat(Segments.of("a".repeat(160))).isEqualTo(new Segments(1, Encoding.GSM7));
  }

  @Test
  void splitsTheOneHundredSixtyFirstGsmCharacterIntoParts() {
    assertThat(Segments.of("a".repeat(161))).isEqualTo(new Segments(2, Encoding.GSM7));
    assertThat(Segments.of("a".repeat(306))).isEqualTo(new Segments(2, Encoding.GSM7));
    assertThat(Segments.of("a".repeat(307))).isEqualTo(new Segments(3, Encoding.GSM7));
  }

  @Test
  void countsExtensionCharactersAsTwoSeptets() {
    assertThat(Segments.of("€".repeat(80))).isEqualTo(new Segments(1, Encoding.GSM7));
    assertThat(Segments.of("€".repeat(80) + "a")).isEqualTo(new Segments(2, Encoding.GSM7));
    assertThat(Segments.of("[]{}|^~\\")).isEqualTo(new Segments(1, Encoding.GSM7));
  }

  @Test
  void neverSplitsAnExtensionCharacterAcrossTheMultipartBoundary() {
    String fills152ThenEuro = "a".repeat(152) + "€" + "a".repeat(10);

    assertThat(Segments.of(fills152ThenEuro).count()).isEqualTo(2);
    assertThat(Segments.of("a".repeat(152) + "€" + "a".repeat(152)).count()).isEqualTo(3);
    assertThat(Segments.of("a".repeat(151) + "€" + "a".repeat(153)).count()).isEqualTo(2);
  }

  @Test
  void switchesToUcs2ForCharactersOutsideGsm() {
    assertThat(Segments.of("ć".repeat(70))).isEqualTo(new Segments(1, Encoding.UCS2));
    assertThat(Segments.of("ć".repeat(71))).isEqualTo(new Segments(2, Encoding.UCS2));
    assertThat(Segments.of("ć".repeat(134))).isEqualTo(new Segments(2, Encoding.UCS2));
    assertThat(Segments.of("ć".repeat(135))).isEqualTo(new Segments(3, Encoding.UCS2));
  }

  @Test
  void countsAnEmojiAsTwoUnitsAndNeverSplitsIt() {
    String emoji = "\uD83C\uDFC6";

    assertThat(Segments.of(emoji.repeat(35))).isEqualTo(new Segments(1, Encoding.UCS2));
    assertThat(Segments.of(emoji.repeat(35) + "a")).isEqualTo(new Segments(2, Encoding.UCS2));
    assertThat(Segments.of("a".repeat(66) + emoji + "a".repeat(66)).count()).isEqualTo(3);
    assertThat(Segments.of("a".repeat(65) + emoji + "a".repeat(67)).count()).isEqualTo(2);
  }

  @Test
  void keepsGsmForTheGsmAlphabetsAccentsAndGreek() {
    assertThat(Segments.of("Ça va? Ünïcode? ΔΦΓ £5 @home").encoding()).isEqualTo(Encoding.UCS2);
    assertThat(Segments.of("Ça va? Ü ΔΦΓ £5 @home é").encoding()).isEqualTo(Encoding.GSM7);
  }

  @Test
  void countsNothingForAnEmptyText() {
    assertThat(Segments.of("").count()).isZero();
  }
}
