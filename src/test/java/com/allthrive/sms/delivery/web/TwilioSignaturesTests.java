package com.allthrive.sms.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.delivery.TestDeliverySettings;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.support.FakeTwilio;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Twilio's published example: the signature of a voice request to mycompany.com. */
class TwilioSignaturesTests {

  static final String TOKEN = "12345";
  static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  static final String EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  static final Map<String, String> PARAMS =
      Map.of(
          "CallSid", "CA1234567890ABCDE",
          "Caller", "+14158675309",
          "Digits", "1234",
          "From", "+14158675309",
          "To", "+18005551212");

  private final TwilioSignatures signatures =
      new TwilioSignatures(settings("https://mycompany.com/", TOKEN));

  @Test
  void signsLikeTwilio() {
    assertThat(FakeTwilio.sign(URL, PARAMS, TOKEN)).isEqualTo(EXPECTED);
  }

  @Test
  void acceptsTwiliosExampleRequest() {
    var request = request(EXPECTED);

    signatures.require(request, "/myapp.php");
  }

  @Test
  void refusesAChangedParameterAMissingSignatureOrAnotherToken() {
    var changed = request(EXPECTED);
    changed.setParameter("Digits", "1235");
    var unsigned = request(null);
    var otherToken = new TwilioSignatures(settings("https://mycompany.com", "54321"));

    assertThatThrownBy(() -> signatures.require(changed, "/myapp.php"))
        .isInstanceOf(ApiProblem.class);
    assertThatThrownBy(() -> signatures.require(unsigned, "/myapp.php"))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.code()).isEqualTo("invalid_signature"));
    assertThatThrownBy(() -> otherToken.require(request(EXPECTED), "/myapp.php"))
        .isInstanceOf(ApiProblem.class);
  }

  @Test
  void refusesEverythingWithoutAnAuthToken() {
    var noToken = new TwilioSignatures(settings("https://mycompany.com", null));

    assertThatThrownBy(() -> noToken.require(request(EXPECTED), "/myapp.php"))
        .isInstanceOf(ApiProblem.class);
  }

  /** A servlet request as the container builds it: query and form parameters merged. */
  private static MockHttpServletRequest request(String signature) {
    var request = new MockHttpServletRequest("POST", "/myapp.php");
    request.setQueryString("foo=1&bar=2");
    request.setParameter("foo", "1");
    request.setParameter("bar", "2");
    PARAMS.forEach(request::setParameter);
    if (signature != null) {
      request.addHeader("X-Twilio-Signature", signature);
    }
    return request;
  }

  private static DeliverySettings settings(String baseUrl, String token) {
    var twilio =
        new DeliverySettings.Twilio(
            "AC1",
            token,
            "+15005550006",
            null,
            "https://api.twilio.com",
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            10);
    return TestDeliverySettings.twilio(baseUrl, twilio);
  }
}
