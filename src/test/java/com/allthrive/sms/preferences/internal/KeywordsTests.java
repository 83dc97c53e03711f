package com.allthrive.sms.preferences.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordsTests {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STOP | STOP",
        "stop | STOP",
        "'  stop  ' | STOP",
        "STOP!! | STOP",
        "Stop. | STOP",
        "Stop. Thank you | STOP",
        "stop please | STOP",
        "STOP NOW | STOP",
        "stop pls thanks | STOP",
        "StopAll | STOP",
        "stop all | STOP",
        "UNSUBSCRIBE | STOP",
        "cancel | STOP",
        "End | STOP",
        "quit | STOP",
        "revoke | STOP",
        "OPTOUT | STOP",
        "opt out | STOP",
        "Opt-Out! | STOP",
        "START | START",
        "start | START",
        "unstop | START",
        "Yes | START",
        "yes please | START",
        "HELP | HELP",
        "help? | HELP",
        "Info | HELP",
        "'  INFO  ' | HELP",
        "don't stop | NONE",
        "stop the battle at 5 | NONE",
        "please stop | NONE",
        "hello | NONE",
        "'' | NONE",
        "thank you | NONE",
        "stopp | NONE",
        "yesterday | NONE",
        "help me with my battle | NONE"
      })
  void recognisesKeywordsInTheBody(String body, Keyword expected) {
    assertThat(Keywords.classify(body, null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "OptOutType {0} with body \"{1}\" is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STOP | hello there | STOP",
        "stop | START | STOP",
        "START | STOP | START",
        "HELP | STOP | HELP",
        "'' | STOP | STOP",
        "SOMETHING | help | HELP"
      })
  void twiliosOptOutTypeWinsOverTheBody(String optOutType, String body, Keyword expected) {
    assertThat(Keywords.classify(body, optOutType)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "a null body with OptOutType {0} is {1}")
  @CsvSource({"STOP, STOP", ", NONE"})
  void aMissingBodyIsNoKeywordUnlessFlagged(String optOutType, Keyword expected) {
    assertThat(Keywords.classify(null, optOutType)).isEqualTo(expected);
  }
}
