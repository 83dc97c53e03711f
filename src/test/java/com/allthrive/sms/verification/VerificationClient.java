package com.allthrive.sms.verification;

import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.support.TestKeys;
import java.io.UnsupportedEncodingException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the HTTP API as the platform and as end users; every user, number and IP is fresh. */
final class VerificationClient {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String[] AREAS = {"202", "212", "415", "617", "312", "305"};

  static final String USER_AGENT = "VerificationTests/1.0";

  private final MockMvcTester mvc;
  private final JsonMapper json;

  VerificationClient(MockMvcTester mvc, JsonMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  /** Provisions a new user without a number and returns their id. */
  String newUser() {
    String id = "user-" + SEQUENCE.incrementAndGet();
    var result =
        mvc.put()
            .uri("/api/v1/platform/users/{id}", id)
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\":\"" + id + "\",\"timezone\":\"America/New_York\"}")
            .exchange();
    if (result.getResponse().getStatus() != 200) {
      throw new IllegalStateException("provisioning failed: " + content(result));
    }
    return id;
  }

  /** A US mobile-or-landline number no other test uses. */
  static String newNumber() {
    int n = SEQUENCE.incrementAndGet();
    return "+1" + AREAS[(n / 10_000) % AREAS.length] + "555" + String.format("%04d", n % 10_000);
  }

  static String newIp() {
    return "2001:db8::" + Integer.toHexString(SEQUENCE.incrementAndGet());
  }

  MvcTestResult request(String user, String number) {
    return request(user, number, newIp());
  }

  MvcTestResult request(String user, String number, String ip) {
    return post(
        "/api/v1/users/phone/request-verification",
        user,
        "{\"phone_number\":\"" + number + "\"}",
        ip);
  }

  /** As {@link #request(String, String, String)}, through a proxy that names the client. */
  MvcTestResult requestThroughProxy(String user, String number, String proxy, String client) {
    return post(
        "/api/v1/users/phone/request-verification",
        user,
        "{\"phone_number\":\"" + number + "\"}",
        proxy,
        client);
  }

  MvcTestResult verify(String user, String code) {
    return verify(user, code, newIp());
  }

  MvcTestResult verify(String user, String code, String ip) {
    return post("/api/v1/users/phone/verify", user, "{\"code\":\"" + code + "\"}", ip);
  }

  MvcTestResult setPhone(String user, String number) {
    return mvc.put()
        .uri("/api/v1/me/phone")
        .header("Authorization", "Bearer " + JwtFixtures.token(user))
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"phone_number\":\"" + number + "\"}")
        .exchange();
  }

  MvcTestResult preferences(String user) {
    return mvc.get()
        .uri("/api/v1/me/sms-preferences")
        .header("Authorization", "Bearer " + JwtFixtures.token(user))
        .exchange();
  }

  MvcTestResult account(String user) {
    return mvc.get()
        .uri("/api/v1/platform/users/{id}", user)
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .exchange();
  }

  JsonNode body(MvcTestResult result) {
    return json.readTree(content(result));
  }

  private MvcTestResult post(String path, String user, String body, String ip) {
    return post(path, user, body, ip, null);
  }

  private MvcTestResult post(
      String path, String user, String body, String ip, String forwardedFor) {
    var request =
        mvc.post()
            .uri(path)
            .header("Authorization", "Bearer " + JwtFixtures.token(user))
            .header("User-Agent", USER_AGENT);
    if (forwardedFor != null) {
      request = request.header("X-Forwarded-For", forwardedFor);
    }
    return request
        .with(
            r -> {
              r.setRemoteAddr(ip);
              return r;
            })
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private static String content(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString();
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
