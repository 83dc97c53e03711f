package com.allthrive.sms.delivery.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.provider.SendOutcome.Failed;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class TwilioErrorsTests {

  @Test
  void failsInvalidAndOptedOutNumbersPermanently() {
    for (int code : new int[] {21211, 21408, 21610, 21614}) {
      var outcome = TwilioErrors.classify(twilioError(400, code, "refused"));

      assertThat(outcome).isEqualTo(Failed.permanent(String.valueOf(code), "refused"));
    }
  }

  @Test
  void failsAnyOtherClientErrorPermanently() {
    assertThat(TwilioErrors.classify(twilioError(401, 20003, "Authenticate")))
        .isEqualTo(Failed.permanent("20003", "Authenticate"));
    assertThat(TwilioErrors.classify(new ApiException("Server Error, no content", 404)))
        .isEqualTo(Failed.permanent("http_404", "Server Error, no content"));
  }

  @Test
  void retriesRateLimitsAndServerErrors() {
    assertThat(TwilioErrors.classify(twilioError(429, 20429, "Too Many Requests")))
        .isEqualTo(Failed.transientError("20429", "Too Many Requests"));
    assertThat(TwilioErrors.classify(twilioError(400, 20429, "Too Many Requests")))
        .isEqualTo(Failed.transientError("20429", "Too Many Requests"));
    assertThat(TwilioErrors.classify(twilioError(500, 20500, "Internal Server Error")))
        .isEqualTo(Failed.transientError("20500", "Internal Server Error"));
    assertThat(TwilioErrors.classify(new ApiException("Server Error, no content", 503)))
        .isEqualTo(Failed.transientError("http_503", "Server Error, no content"));
  }

  @Test
  void retriesNetworkErrorsBeforeTheRequestLeft() {
    for (Exception cause :
        new Exception[] {
          new HttpHostConnectException("Connection refused"),
          new ConnectTimeoutException("Connect timed out"),
          new UnknownHostException("api.twilio.com"),
          new RequestFailedException("Request execution failed", new TimeoutException("lease"))
        }) {
      var outcome = TwilioErrors.classify(new ApiException(cause.getMessage(), cause));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              Failed.class,
              f -> {
                assertThat(f.permanent()).isFalse();
                assertThat(f.attempted()).isTrue();
                assertThat(f.errorCode()).isEqualTo("network_error");
              });
    }
  }

  @Test
  void treatsANoAnswerAfterTheRequestLeftAsAnUnknownOutcome() {
    for (Exception cause :
        new Exception[] {
          new SocketTimeoutException("Read timed out"),
          new NoHttpResponseException("api.twilio.com failed to respond"),
          new SocketException("Connection reset")
        }) {
      assertThat(TwilioErrors.classify(new ApiException(cause.getMessage(), cause)))
          .isInstanceOf(SendOutcome.Unknown.class);
    }
    assertThat(TwilioErrors.classify(new ApiConnectionException("Unable to connect to server")))
        .isInstanceOf(SendOutcome.Unknown.class);
  }

  @Test
  void masksPhoneNumbersInProviderMessages() {
    var outcome =
        TwilioErrors.classify(
            twilioError(400, 21211, "The 'To' number +15005550001 is not a valid phone number."));

    assertThat(((Failed) outcome).errorMessage())
        .isEqualTo("The 'To' number +***01 is not a valid phone number.");
  }

  @Test
  void recognisesTheOptOutCode() {
    assertThat(TwilioErrors.isOptOut("21610")).isTrue();
    assertThat(TwilioErrors.isOptOut("30007")).isFalse();
    assertThat(TwilioErrors.isOptOut(null)).isFalse();
  }

  private static ApiException twilioError(int status, int code, String message) {
    return new ApiException(
        message, code, "https://www.twilio.com/docs/errors/" + code, status, null);
  }
}
