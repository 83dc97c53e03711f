package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.DeliverySettings;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's HTTP client with three changes: requests go to the configured API base URL (a
 * local fake in tests), a request is sent once and never retried by the SDK (a retried POST could
 * send a text twice; retries are the dispatcher's decision), and the connect and read timeouts are
 * ours. The SDK pins its own request config (a 30.5 s connect timeout) on every request, so ours is
 * put back by an execution interceptor that runs before the connection is opened. Cookies,
 * redirects, auth caching and compression, which Twilio's API does not use, are switched off: each
 * costs work on every send.
 */
final class TwilioHttpClient extends NetworkHttpClient {

  static final String TWILIO_API = "https://api.twilio.com";

  private final String baseUrl;

  TwilioHttpClient(DeliverySettings.Twilio settings) {
    super(builder(settings));
    String configured = settings.apiBaseUrl();
    this.baseUrl =
        configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  @Override
  public Response reliableRequest(Request request) {
    return makeRequest(request);
  }

  @Override
  public Response reliableRequest(
      Request request, int[] retryCodes, int retries, long delayMillis) {
    return makeRequest(request);
  }

  @Override
  public Response makeRequest(Request request) {
    return super.makeRequest(rebased(request));
  }

  private Request rebased(Request original) {
    String url = original.getUrl();
    if (url.startsWith(TWILIO_API)) {
      url = baseUrl + url.substring(TWILIO_API.length());
    }
    Request copy = new FixedUrlRequest(original, url);
    copyAll(original.getQueryParams(), copy::addQueryParam);
    copyAll(original.getPostParams(), copy::addPostParam);
    copyAll(original.getHeaderParams(), copy::addHeaderParam);
    if (original.getAuthStrategy() != null) {
      copy.setAuth(original.getAuthStrategy());
    } else if (original.getUsername() != null) {
      copy.setAuth(original.getUsername(), original.getPassword());
    }
    copy.setContentType(original.getContentType());
    copy.setBody(original.getBody());
    if (original.getUserAgentExtensions() != null) {
      copy.setUserAgentExtensions(original.getUserAgentExtensions());
    }
    return copy;
  }

  private static void copyAll(Map<String, List<String>> from, BiConsumer<String, String> to) {
    from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
  }

  private static HttpClientBuilder builder(DeliverySettings.Twilio settings) {
    Timeout connect = Timeout.of(settings.connectTimeout());
    Timeout read = Timeout.of(settings.readTimeout());
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(settings.maxConnections())
            .setMaxConnPerRoute(settings.maxConnections())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
            .build();
    RequestConfig timeouts = timeouts(connect, read);
    return HttpClientBuilder.create()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(timeouts)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableConnectionState()
        .disableContentCompression()
        .addExecInterceptorFirst(
            "timeouts",
            (request, scope, chain) -> {
              scope.clientContext.setRequestConfig(timeouts);
              return chain.proceed(request, scope);
            });
  }

  @SuppressWarnings("deprecation")
  private static RequestConfig timeouts(Timeout connect, Timeout read) {
    return RequestConfig.custom()
        .setConnectTimeout(connect)
        .setResponseTimeout(read)
        .setConnectionRequestTimeout(connect)
        .build();
  }

  /**
   * A request whose URL is used as given: the SDK's own URL building rewrites hosts that contain
   * dots (an IP address) into Twilio region and edge names.
   */
  private static final class FixedUrlRequest extends Request {

    FixedUrlRequest(Request original, String url) {
      super(original.getMethod(), url);
    }

    @Override
    protected String buildURL() {
      return url;
    }
  }
}
