package com.allthrive.sms.web;

import com.allthrive.sms.support.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    send(
        "PUT",
        "/api/v1/platform/users/" + userId,
        "{\"username\":\""
            + userId
            + "\",\"display_name\":\""
            + name
            + "\","
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

  /** A text "from" a phone, as the demo console sends it. */
  JsonNode inbound(String from, String body) {
    return send(
        "POST",
        "/api/v1/demo/inbound",
        "{\"from\":\"" + from + "\",\"body\":\"" + body + "\"}",
        null,
        null);
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
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new Refused(method + " " + path + ": " + response.statusCode(), response.body());
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
