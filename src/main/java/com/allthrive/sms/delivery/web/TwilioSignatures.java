package com.allthrive.sms.delivery.web;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.shared.ApiProblem;
import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}: HMAC-SHA1 with the
 * auth token over the URL Twilio called ({@code PUBLIC_BASE_URL} + path + query string) followed by
 * the POST parameters sorted by name. Query parameters are part of the URL, not of the parameters,
 * so they are taken out of the servlet's merged parameter map. Without an auth token every callback
 * is refused.
 */
@Component
class TwilioSignatures {

  static final String HEADER = "X-Twilio-Signature";

  private final DeliverySettings settings;
  private final RequestValidator validator;

  TwilioSignatures(DeliverySettings settings) {
    this.settings = settings;
    String token = settings.twilio().authToken();
    this.validator = token == null || token.isBlank() ? null : new RequestValidator(token);
  }

  /** Throws a 403 problem unless the request carries a valid signature for {@code path}. */
  void require(HttpServletRequest request, String path) {
    String signature = request.getHeader(HEADER);
    if (validator == null || signature == null || signature.isBlank()) {
      throw forbidden();
    }
    String query = request.getQueryString();
    String url = settings.baseUrl() + path + (query == null || query.isEmpty() ? "" : "?" + query);
    if (!validator.validate(url, postParameters(request, query), signature)) {
      throw forbidden();
    }
  }

  static Map<String, String> postParameters(HttpServletRequest request, String query) {
    Map<String, List<String>> fromQuery = parse(query);
    Map<String, String> params = new HashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              List<String> remaining = new ArrayList<>(List.of(values));
              fromQuery.getOrDefault(name, List.of()).forEach(remaining::remove);
              if (!remaining.isEmpty()) {
                params.put(name, remaining.get(0));
              }
            });
    return params;
  }

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> params = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static ApiProblem forbidden() {
    return new ApiProblem(
        HttpStatus.FORBIDDEN, "invalid_signature", "The request is not signed by Twilio.");
  }
}
