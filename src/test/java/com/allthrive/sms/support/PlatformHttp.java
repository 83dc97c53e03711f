package com.allthrive.sms.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The platform's calls over real HTTP, for tests that run instances on ports. */
public final class PlatformHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  public PlatformHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An event under a fresh idempotency key; the response body. */
  public HttpResponse<String> event(String type, String data) {
    return event(UUID.randomUUID().toString(), type, data);
  }

  /** An event under the idempotency key given. */
  public HttpResponse<String> event(String key, String type, String data) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
            .header("Idempotency-Key", key)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"" + type + "\",\"data\":" + data + "}")));
  }

  public HttpResponse<String> put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request
              .header("X-Api-Key", TestKeys.PLATFORM_KEY)
              .header("Content-Type", "application/json")
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
