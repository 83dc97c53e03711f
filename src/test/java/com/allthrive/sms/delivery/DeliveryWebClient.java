package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.PUBLIC_BASE_URL;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.TestKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Calls the module's web adapter as Twilio (signed forms), as an admin and as a user. */
final class DeliveryWebClient {

  static final String STATUS = "/webhooks/twilio/status";
  static final String INBOUND = "/webhooks/twilio/inbound";

  /** A message Twilio took: our id, Twilio's id, the destination. */
  record Sent(long id, String sid, PhoneNumber to) {}

  private final MockMvcTester mvc;

  DeliveryWebClient(MockMvcTester mvc) {
    this.mvc = mvc;
  }

  /** The parameters of a status callback as Twilio posts them. */
  static Map<String, String> statusParams(Sent sent, String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", sent.sid());
    params.put("SmsSid", sent.sid());
    params.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    params.put("From", FakeTwilio.FROM);
    params.put("To", sent.to().e164());
    params.put("MessageStatus", status);
    params.put("SmsStatus", status);
    params.put("ApiVersion", "2010-04-01");
    return params;
  }

  /** A signed status callback to the URL the message was sent with. */
  MvcTestResult callback(Sent sent, String status, Map<String, String> extra) {
    Map<String, String> params = statusParams(sent, status);
    params.putAll(extra);
    String path = STATUS + "?m=" + sent.id();
    return post(
        path, params, FakeTwilio.sign(PUBLIC_BASE_URL + path, params, FakeTwilio.AUTH_TOKEN));
  }

  /** A signed inbound text. */
  MvcTestResult inbound(Map<String, String> params) {
    return post(
        INBOUND, params, FakeTwilio.sign(PUBLIC_BASE_URL + INBOUND, params, FakeTwilio.AUTH_TOKEN));
  }

  MvcTestResult post(String path, Map<String, String> params, String signature) {
    var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    params.forEach(request::param);
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return request.exchange();
  }

  MvcTestResult adminList(String query) {
    return mvc.get()
        .uri("/api/v1/admin/sms-messages?" + query)
        .header("X-Api-Key", TestKeys.ADMIN_KEY)
        .exchange();
  }

  MvcTestResult myList(String token, String query) {
    return mvc.get()
        .uri("/api/v1/me/sms-messages?" + query)
        .header("Authorization", "Bearer " + token)
        .exchange();
  }
}
