package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes platform events in, exactly once per {@code Idempotency-Key}: the same key with the same
 * body (member order aside) answers the first answer again; with another body, 409. The body is
 * validated before anything is written, and the key, decisions and messages commit together, in a
 * transaction shared with the events taken in at the same moment ({@link IntakeBatches}).
 */
@Service
public class EventIntake {

  /** The answer to an event. */
  public record Answer(String eventId, List<Decision> decisions) {}

  private final Map<String, EventHandler<?>> handlers;
  private final IntakeBatches batches;
  private final EventStore store;
  private final JsonMapper json;

  EventIntake(
      List<EventHandler<?>> handlers, IntakeBatches batches, EventStore store, JsonMapper json) {
    this.handlers =
        handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
    this.batches = batches;
    this.store = store;
    this.json = json;
  }

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
    try {
      return batches
          .submit(
              key,
              hash,
              handler.type(),
              handler.users(event),
              (id, recipients) -> handler.plan(id, event, recipients))
          .orElseGet(() -> replay(key, hash));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
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
