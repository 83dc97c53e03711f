package com.allthrive.sms.presence.web;

import com.allthrive.sms.presence.PresenceSettings;
import com.allthrive.sms.presence.internal.PresenceService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * {@code /ws/presence}: authenticated by the token in the URL, so any origin may connect (no cookie
 * is involved, so another site gains nothing). Pings go out every {@code ping-interval} on one
 * thread; {@code sms.presence.sockets} gauges the sockets open on this instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class PresenceSocketConfiguration implements WebSocketConfigurer {

  private final PresenceSockets sockets;
  private final JwtDecoder decoder;

  PresenceSocketConfiguration(
      PresenceService presence, Clock clock, JwtDecoder decoder, MeterRegistry meters) {
    this.sockets = new PresenceSockets(presence, clock);
    this.decoder = decoder;
    Gauge.builder("sms.presence.sockets", sockets, PresenceSockets::open)
        .description("presence sockets open on this instance")
        .register(meters);
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(sockets, "/ws/presence")
        .addInterceptors(new TokenHandshake(decoder))
        .setAllowedOriginPatterns("*");
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService presencePinger(PresenceSettings settings) {
    ScheduledExecutorService pinger =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "presence-pinger");
              t.setDaemon(true);
              return t;
            });
    long every = settings.pingInterval().toMillis();
    pinger.scheduleWithFixedDelay(sockets::pingAll, every, every, TimeUnit.MILLISECONDS);
    return pinger;
  }
}
