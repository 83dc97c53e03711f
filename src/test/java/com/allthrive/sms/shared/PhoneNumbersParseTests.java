package com.allthrive.sms.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /**
   * North American numbers in E.164 skip libphonenumber's parser; every answer must still be the
   * one the parser gives: random numbers in every area code, and each +1 region's own examples.
   */
  @Test
  void northAmericanNumbersInE164AreAnsweredAsTheFullParserAnswersThem() {
    var util = PhoneNumberUtil.getInstance();
    List<String> numbers = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      numbers.add("+1" + (2_000_000_000L + (long) (random.nextDouble() * 8_000_000_000L)));
    }
    for (String region : util.getRegionCodesForCountryCode(1)) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        var example = util.getExampleNumberForType(region, type);
        if (example != null) {
          numbers.add(util.format(example, PhoneNumberFormat.E164));
        }
      }
    }
    numbers.addAll(List.of("+10005550147", "+11235550147", "+1202555014a", "+120255501477"));

    for (String number : numbers) {
      assertThat(PhoneNumbers.parse(number)).as(number).isEqualTo(parsedInFull(util, number));
    }
  }

  private static PhoneNumbers.Parsed parsedInFull(PhoneNumberUtil util, String raw) {
    try {
      var parsed = util.parse(raw, "US");
      if (!util.isValidNumber(parsed)) {
        return new PhoneNumbers.Invalid("not a valid phone number");
      }
      var type = util.getNumberType(parsed);
      if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
        return new PhoneNumbers.Invalid("this number cannot receive text messages");
      }
      return new PhoneNumbers.Valid(
          new PhoneNumber(util.format(parsed, PhoneNumberFormat.E164)),
          util.getRegionCodeForNumber(parsed));
    } catch (NumberParseException e) {
      return new PhoneNumbers.Invalid("not a valid phone number");
    }
  }
}
