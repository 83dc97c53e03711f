package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.Alert;
import com.allthrive.sms.costs.CostsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs an alert as JSON to {@code SMS_ALERT_WEBHOOK_URL}. The body carries {@code text} (what a
 * Slack incoming webhook shows) and the alert's fields. Connecting and answering are each bounded
 * by the configured timeout; anything but a 2xx is a failure the caller retries.
 */
@Component
class AlertWebhook {

  private final CostsSettings.Alerts settings;
  private final JsonMapper json;
  private HttpClient http;

  AlertWebhook(CostsSettings settings, JsonMapper json) {
    this.settings = settings.alerts();
    this.json = json;
  }

  /** Built on the first alert: most instances never post one, and a client costs its TLS setup. */
  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(settings.webhookTimeout())
              .build();
    }
    return http;
  }

  void post(Alert alert) throws IOException, InterruptedException {
    URI url = settings.webhook();
    if (url == null) {
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.webhookTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(alert))))
            .build();
    int status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status < 200 || status > 299) {
      throw new IOException("alert webhook answered HTTP " + status);
    }
  }

  private static Map<String, Object> body(Alert alert) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", "SMS alert: " + alert.message());
    body.put("id", alert.id());
    body.put("kind", alert.kind());
    body.put("subject", alert.subject());
    body.put("threshold", alert.threshold());
    body.put("observed", alert.observed());
    body.put("created_at", alert.createdAt().toString());
    return body;
  }
}
