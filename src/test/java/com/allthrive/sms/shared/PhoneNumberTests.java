package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

  @Test
  void masksEveryNumberQuotedInAFreeText() {
    String text = "The 'To' number +15005550001 is not valid; tried 4155550123 twice at 10:42";

    assertThat(PhoneNumber.maskNumbersIn(text))
        .isEqualTo("The 'To' number +1********01 is not valid; tried ********23 twice at 10:42");
  }

  @Test
  void keepsShortFiguresAndNull() {
    assertThat(PhoneNumber.maskNumbersIn("error 21211 after 3 attempts"))
        .isEqualTo("error 21211 after 3 attempts");
    assertThat(PhoneNumber.maskNumbersIn(null)).isNull();
  }
}
