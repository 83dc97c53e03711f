package com.allthrive.sms.presence.web;

import com.allthrive.sms.presence.internal.PresenceService;
import com.allthrive.sms.shared.UserId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The sockets open on this instance. Each is an entry of its own in the registry: opened with the
 * socket, renewed by every heartbeat (any message from the client, or the pong to the service's
 * ping), ended with the close. A socket whose client has been silent for a whole TTL is closed.
 */
class PresenceSockets extends AbstractWebSocketHandler {

  private record Socket(UserId user, String id, WebSocketSession session, Instant lastSeen) {
    Socket seen(Instant at) {
      return new Socket(user, id, session, at);
    }
  }

  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final PresenceService presence;
  private final Clock clock;

  PresenceSockets(PresenceService presence, Clock clock) {
    this.presence = presence;
    this.clock = clock;
  }

  int open() {
    return sockets.size();
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    UserId user = (UserId) session.getAttributes().get(TokenHandshake.USER);
    var socket =
        new Socket(
            user,
            "ws-" + UUID.randomUUID(),
            new ConcurrentWebSocketSessionDecorator(session, 5000, 4096),
            clock.instant());
    sockets.put(session.getId(), socket);
    presence.heartbeat(user, socket.id());
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    seen(session);
  }

  @Override
  protected void handlePongMessage(WebSocketSession session, PongMessage message) {
    seen(session);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Socket socket = sockets.remove(session.getId());
    if (socket != null) {
      presence.end(socket.user(), socket.id());
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
  }

  /** Pings every socket; closes those silent for longer than the TTL. */
  void pingAll() {
    Instant silentSince = clock.instant().minus(presence.ttl());
    for (Socket socket : sockets.values()) {
      try {
        if (socket.lastSeen().isBefore(silentSince)) {
          socket.session().close(CloseStatus.SESSION_NOT_RELIABLE);
        } else {
          socket.session().sendMessage(new PingMessage(ByteBuffer.allocate(0)));
        }
      } catch (IOException | IllegalStateException e) {
        afterConnectionClosed(socket.session(), CloseStatus.SESSION_NOT_RELIABLE);
      }
    }
  }

  private void seen(WebSocketSession session) {
    Socket socket = sockets.computeIfPresent(session.getId(), (k, s) -> s.seen(clock.instant()));
    if (socket != null) {
      presence.heartbeat(socket.user(), socket.id());
    }
  }
}
