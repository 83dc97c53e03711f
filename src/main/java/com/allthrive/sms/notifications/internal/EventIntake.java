package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.ApiProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes platform events in, exactly once per {@code Idempotency-Key}: the same key with the same
 * body (member order aside) answers the first answer again; with another body, 409. The body is
 * validated before anything is written, and the key, decisions and messages commit together.
 */
@Service
public class EventIntake {

  /** The answer to an event. */
  public record Answer(String eventId, List<Decision> decisions) {}

  private final Map<String, EventHandler<?>> handlers;
  private final EventStore store;
  private final JsonMapper json;
  private final Clock clock;

  EventIntake(List<EventHandler<?>> handlers, EventStore store, JsonMapper json, Clock clock) {
    this.handlers =
        handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public Answer accept(String idempotencyKey, JsonNode body) {
    checkKey(idempotencyKey);
    if (body == null
        || !body.isObject()
        || body.get("type") == null
        || !body.get("type").isString()) {
      throw ApiProblem.badRequest(
          "invalid_event", "The body must be an object with a string 'type' and a 'data' object.");
    }
    EventHandler<?> handler = handlers.get(body.get("type").stringValue());
    if (handler == null) {
      throw ApiProblem.badRequest("unknown_event_type", "Unknown event type.")
          .with("known_types", handlers.keySet().stream().sorted().toList());
    }
    return handle(handler, idempotencyKey, body);
  }

  private <T> Answer handle(EventHandler<T> handler, String key, JsonNode body) {
    T event = handler.parse(new Fields(body.get("data")));
    String hash = CanonicalJson.hash(body);
    String id = UUID.randomUUID().toString();
    if (!store.claim(id, key, hash, handler.type(), clock.instant())) {
      return replay(key, hash);
    }
    Answer answer;
    try (var logged = MDC.putCloseable("event_id", id)) {
      answer = new Answer(id, handler.handle(id, event));
    }
    store.answer(id, json.writeValueAsString(answer));
    return answer;
  }

  private Answer replay(String key, String hash) {
    EventStore.Stored stored = store.find(key).orElseThrow();
    if (!stored.bodyHash().equals(hash)) {
      throw ApiProblem.conflict(
          "idempotency_key_reused", "This Idempotency-Key was used with a different body.");
    }
    return json.readValue(stored.response(), Answer.class);
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      throw ApiProblem.badRequest(
          "missing_idempotency_key", "The Idempotency-Key header is required (1-200 characters).");
    }
  }
}
