package com.allthrive.sms.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Twilio's Messages API played by WireMock on a dynamic port, shaped like Twilio's OpenAPI
 * description: POST {@code Messages.json} answers 201 with a queued message ({@code SM} + 32 hex,
 * no {@code date_sent} yet), GET {@code Messages.json} lists the messages created so far, newest
 * first, with Twilio's filters ({@link FakeTwilioFilters}), and errors look like Twilio's ({@code
 * code}, {@code message}, {@code more_info}, {@code status}). One server serves the whole test run;
 * {@link #reset()} forgets stubs, requests and messages.
 */
public final class FakeTwilio {

  public static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
  public static final String AUTH_TOKEN = "fake-twilio-auth-token";
  public static final String FROM = "+15005550006";
  public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

  private static FakeTwilio shared;

  private final FakeTwilioMessages messages = new FakeTwilioMessages(ACCOUNT_SID);
  private final WireMockServer server;
  private StubMapping outage;

  private FakeTwilio() {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                // like Twilio, many requests in flight at once (held ones included)
                .containerThreads(64)
                .extensions(messages.creator(), messages.lister()));
    server.start();
    stubDefaults();
  }

  /** The one fake of this test run, started on first use. */
  public static synchronized FakeTwilio shared() {
    if (shared == null) {
      shared = new FakeTwilio();
    }
    return shared;
  }

  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** Points the service at this fake: Twilio provider, credentials, sender, short timeouts. */
  public void configure(DynamicPropertyRegistry registry) {
    properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  public Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("sms.delivery.provider", "twilio");
    properties.put("sms.delivery.twilio.api-base-url", baseUrl());
    properties.put("sms.delivery.twilio.account-sid", ACCOUNT_SID);
    properties.put("sms.delivery.twilio.auth-token", AUTH_TOKEN);
    properties.put("sms.delivery.twilio.phone-number", FROM);
    properties.put("sms.delivery.twilio.connect-timeout", "1s");
    properties.put("sms.delivery.twilio.read-timeout", "1s");
    return properties;
  }

  public synchronized void reset() {
    server.resetAll();
    outage = null;
    messages.clear();
    stubDefaults();
  }

  /** Every send to {@code to} is refused with a Twilio error. */
  public void reject(String to, int httpStatus, int code, String message) {
    server.stubFor(sendTo(to).atPriority(1).willReturn(error(httpStatus, code, message)));
  }

  /**
   * An outage: every send is answered {@code httpStatus} with Twilio's internal error, until {@link
   * #endOutage()}; sends stubbed per number keep their own answers.
   */
  public synchronized void startOutage(int httpStatus) {
    outage =
        server.stubFor(
            post(urlPathEqualTo(MESSAGES))
                .atPriority(5)
                .willReturn(error(httpStatus, 20500, "Internal Server Error")));
  }

  /** Twilio answers again. */
  public synchronized void endOutage() {
    if (outage != null) {
      server.removeStub(outage);
      outage = null;
    }
  }

  /** How many send requests came so far, answered or not. */
  public int sendCount() {
    return requests(RequestMethod.POST).size();
  }

  /** The destination of every message the fake created (answered 201), in order. */
  public List<String> createdTo() {
    return messages.createdTo();
  }

  /**
   * The first {@code failures} sends to {@code to} fail with {@code httpStatus}; later ones pass.
   */
  public void failThenAccept(String to, int failures, int httpStatus) {
    String scenario = "flaky " + to;
    for (int i = 0; i < failures; i++) {
      server.stubFor(
          sendTo(to)
              .atPriority(1)
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
              .willReturn(error(httpStatus, 20500, "Internal Server Error"))
              .willSetStateTo("failed " + (i + 1)));
    }
    server.stubFor(
        sendTo(to)
            .atPriority(1)
            .inScenario(scenario)
            .whenScenarioStateIs("failed " + failures)
            .willReturn(aResponse().withTransformers(FakeTwilioMessages.CREATE)));
  }

  /** Sends to {@code to} are taken, but the answer comes only after {@code delay}. */
  public void answerLate(String to, Duration delay) {
    server.stubFor(
        sendTo(to)
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withTransformers(FakeTwilioMessages.CREATE)
                    .withFixedDelay((int) delay.toMillis())));
  }

  /**
   * Sends to {@code to} are taken at once (listed as queued) but answered only when the returned
   * latch is counted down (or {@link #reset}), like a slow provider with the request in flight.
   */
  public CountDownLatch hold(String to) {
    return messages.hold(to);
  }

  /** Twilio moves every message to {@code to} one step: queued → sent → delivered. */
  public void advance(String to) {
    messages.advance(to);
  }

  /** The status Twilio reports for the message {@code sid} (queued, sent, delivered). */
  public String statusOf(String sid) {
    return messages.status(sid);
  }

  /** The form parameters of every send request to {@code to}, in order. */
  public List<Map<String, String>> sendsTo(String to) {
    return requests(RequestMethod.POST).stream()
        .map(FakeTwilioMessages::form)
        .filter(form -> to.equals(form.get("To")))
        .toList();
  }

  /** How many lookups (GET Messages.json) asked about {@code to}. */
  public long lookupsFor(String to) {
    return requests(RequestMethod.GET).stream()
        .filter(
            r ->
                r.queryParameter("To").isPresent()
                    && to.equals(r.queryParameter("To").firstValue()))
        .count();
  }

  /** The messages the fake created (answered 201) for {@code to}. */
  public List<FakeTwilioMessages.Created> created(String to) {
    return messages.createdFor(to);
  }

  /**
   * Twilio's request signature: HMAC-SHA1 keyed with the auth token over the URL followed by each
   * POST parameter's name and value, sorted by name, Base64-encoded.
   */
  public static String sign(String url, Map<String, String> params, String authToken) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests(
      RequestMethod method) {
    return server.getAllServeEvents().stream()
        .map(event -> event.getRequest())
        .filter(r -> r.getMethod().equals(method) && r.getUrl().startsWith(MESSAGES))
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
        .toList();
  }

  private void stubDefaults() {
    server.stubFor(
        post(urlPathEqualTo(MESSAGES))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(FakeTwilioMessages.CREATE)));
    server.stubFor(
        get(urlPathEqualTo(MESSAGES))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(FakeTwilioMessages.LIST)));
  }

  private static MappingBuilder sendTo(String to) {
    return post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
      int status, int code, String message) {
    String body =
        "{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
            + code
            + "\",\"status\":"
            + status
            + "}";
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
