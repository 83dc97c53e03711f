package com.allthrive.sms.support;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/** A browser tab's presence socket, opened with Spring's standard WebSocket client. */
public final class PresenceClient {

  private PresenceClient() {}

  /** Opens {@code /ws/presence} on {@code port} with the token; throws when it is refused. */
  public static WebSocketSession open(int port, String token) throws Exception {
    var client = new StandardWebSocketClient();
    URI uri = URI.create("ws://localhost:" + port + "/ws/presence?access_token=" + token);
    return client
        .execute(new AbstractWebSocketHandler() {}, new WebSocketHttpHeaders(), uri)
        .get(10, TimeUnit.SECONDS);
  }
}
