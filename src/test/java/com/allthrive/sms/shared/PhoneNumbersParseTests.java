package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersParseTests {

  @Test
  void aNumberThatTakesTextsIsAnsweredInE164WithItsRegion() {
    assertThat(PhoneNumbers.parse("(202) 555-0147"))
        .isEqualTo(new PhoneNumbers.Valid(new PhoneNumber("+12025550147"), "US"));
    assertThat(PhoneNumbers.parse("+447400123456"))
        .isEqualTo(new PhoneNumbers.Valid(new PhoneNumber("+447400123456"), "GB"));
    assertThat(PhoneNumbers.parse("+1 416 555 0123"))
        .isEqualTo(new PhoneNumbers.Valid(new PhoneNumber("+14165550123"), "CA"));
  }

  @Test
  void numbersNoRegionTakesAreInvalid() {
    assertThat(PhoneNumbers.parse("+1 111 555 0147"))
        .isEqualTo(new PhoneNumbers.Invalid("not a valid phone number"));
    assertThat(PhoneNumbers.parse("12345"))
        .isEqualTo(new PhoneNumbers.Invalid("not a valid phone number"));
    assertThat(PhoneNumbers.parse("call me"))
        .isEqualTo(new PhoneNumbers.Invalid("not a valid phone number"));
  }

  @Test
  void validNumbersThatTakeNoTextsAreRefusedForThat() {
    assertThat(PhoneNumbers.parse("+18005550199"))
        .isEqualTo(new PhoneNumbers.Invalid("this number cannot receive text messages"));
    assertThat(PhoneNumbers.parse("+442079460000"))
        .isEqualTo(new PhoneNumbers.Invalid("this number cannot receive text messages"));
  }
}
