package com.allthrive.sms.presence.web;

import com.allthrive.sms.shared.UserId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Opens a presence socket only for a valid end-user token in {@code ?access_token=}: checked by the
 * service's one {@link JwtDecoder} (signature, {@code exp}, {@code sub}, {@code iss}/{@code aud}
 * when configured), as the API checks bearer tokens. Anything else is refused with 401 before the
 * upgrade. Browsers cannot set headers on a WebSocket, hence the query parameter.
 */
class TokenHandshake implements HandshakeInterceptor {

  static final String USER = "presence.user";

  private final JwtDecoder decoder;

  TokenHandshake(JwtDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    String token =
        UriComponentsBuilder.fromUri(request.getURI())
            .build()
            .getQueryParams()
            .getFirst("access_token");
    try {
      if (token == null || token.isBlank()) {
        throw new JwtException("no access_token");
      }
      String subject = decoder.decode(token).getSubject();
      if (!UserId.isValid(subject)) {
        throw new JwtException("no usable subject");
      }
      attributes.put(USER, new UserId(subject));
      return true;
    } catch (JwtException e) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
