package com.allthrive.sms.notifications.web;

import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.shared.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The door of {@code POST /api/v1/events}: at most {@code intakeMaxInFlight} events are taken in at
 * once (read, checked, waiting for or in their transaction). One more is answered 503 {@code busy}
 * with {@code Retry-After} at once, before its body is read: it wrote nothing, and the platform
 * sends it again with the same key. Without the door, an overloaded intake reads and parses every
 * event that arrives, each answer comes later, callers open more connections, and the service ends
 * up taking in far fewer events than it can while most requests time out. The door stands before
 * authentication, so that a refusal costs next to nothing; to a caller without a key it tells no
 * more than that the service is busy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class IntakeGate extends OncePerRequestFilter {

  private final Semaphore slots;
  private final byte[] busy;
  private final Counter refused;

  IntakeGate(NotificationsSettings settings, JsonMapper json, MeterRegistry registry) {
    this.slots = new Semaphore(Math.max(1, settings.intakeMaxInFlight()));
    this.busy =
        json.writeValueAsBytes(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                "The service takes in more events than it can commit now; send this one again."));
    this.refused =
        Counter.builder("sms.events.refused")
            .description("Events refused at the door because the intake was full (503 busy)")
            .register(registry);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith("/api/v1/events");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!slots.tryAcquire()) {
      refused.increment();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader("Retry-After", "1");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setContentLength(busy.length);
      response.getOutputStream().write(busy);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      slots.release();
    }
  }
}
