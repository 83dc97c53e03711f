package com.allthrive.sms.web;

import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the page tests do as the platform or as a user, over real HTTP. */
final class ServiceCalls {

  /** The service answered with an error. */
  static final class Refused extends IllegalStateException {
    private final String body;

    Refused(String message, String body) {
      super(message);
      this.body = body;
    }

    String body() {
      return body;
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String base;

  ServiceCalls(int port) {
    this.base = "http://localhost:" + port;
  }

  void provision(String userId, String name) {
    provision(userId, name, null);
  }

  /** A platform user with the number the platform knows (unverified until verified). */
  void provision(String userId, String name, String phone) {
    send(
        "PUT",
        "/api/v1/platform/users/" + userId,
        "{\"username\":\""
            + userId
            + "\",\"display_name\":\""
            + name
            + "\","
            + (phone == null ? "" : "\"phone_number\":\"" + phone + "\",")
            + "\"timezone\":\"America/New_York\"}",
        "X-Api-Key",
        TestKeys.PLATFORM_KEY);
  }

  void erase(String userId) {
    send("DELETE", "/api/v1/platform/users/" + userId, null, "X-Api-Key", TestKeys.PLATFORM_KEY);
  }

  String token(String userId) {
    return send("POST", "/api/v1/demo/tokens", "{\"user_id\":\"" + userId + "\"}", null, null)
        .get("access_token")
        .asString();
  }

  JsonNode preferences(String token) {
    return send("GET", "/api/v1/me/sms-preferences", null, "Authorization", "Bearer " + token);
  }

  JsonNode patchPreferences(String token, String body) {
    return send("PATCH", "/api/v1/me/sms-preferences", body, "Authorization", "Bearer " + token);
  }

  JsonNode achievement(String userId, String name) {
    return event(
        java.util.UUID.randomUUID().toString(),
        "{\"type\":\"achievement.unlocked\",\"data\":{\"user_id\":\""
            + userId
            + "\",\"achievement_id\":\""
            + java.util.UUID.randomUUID()
            + "\",\"achievement_name\":\""
            + name
            + "\",\"points\":10}}");
  }

  JsonNode securityAlert(String userId, String type) {
    return event(
        java.util.UUID.randomUUID().toString(),
        "{\"type\":\""
            + type
            + "\",\"data\":{\"user_id\":\""
            + userId
            + "\",\"details\":\"Firefox on Linux\"}}");
  }

  /** A text "from" a phone, as the demo console sends it. */
  JsonNode inbound(String from, String body) {
    return send(
        "POST",
        "/api/v1/demo/inbound",
        "{\"from\":\"" + from + "\",\"body\":\"" + body + "\"}",
        null,
        null);
  }

  /** An admin resource, e.g. {@code /api/v1/admin/sms-messages?user_id=ada}. */
  JsonNode admin(String path) {
    return send("GET", path, null, "X-Api-Key", TestKeys.ADMIN_KEY);
  }

  /**
   * A status callback for message {@code id} as Twilio posts it, signed for {@code publicBaseUrl}
   * (the service's configured public base URL) with the fake Twilio's auth token.
   */
  void statusCallback(String publicBaseUrl, long id, String sid, Map<String, String> params) {
    Map<String, String> form = new TreeMap<>(params);
    form.put("MessageSid", sid);
    form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    String path = "/webhooks/twilio/status?m=" + id;
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "X-Twilio-Signature",
                FakeTwilio.sign(publicBaseUrl + path, form, FakeTwilio.AUTH_TOKEN));
    exchange(request, "POST " + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  JsonNode event(String key, String body) {
    return send(
        "POST", "/api/v1/events", body, "X-Api-Key", TestKeys.PLATFORM_KEY, "Idempotency-Key", key);
  }

  private JsonNode send(String method, String path, String body, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i] != null) {
        request.header(headers[i], headers[i + 1]);
      }
    }
    return exchange(request, method + " " + path);
  }

  private JsonNode exchange(HttpRequest.Builder request, String what) {
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new Refused(
            what + ": " + response.statusCode() + " " + response.body(), response.body());
      }
      return response.body().isEmpty() ? null : json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
