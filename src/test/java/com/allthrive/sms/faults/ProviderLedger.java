package com.allthrive.sms.faults;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake provider saw, per message: the service's message id comes from the {@code ?m=} of
 * each send's status callback URL. Counts every send request, the ones that created a message (at
 * most one per message may), the ones refused by a fault, and the messages a lookup found.
 */
final class ProviderLedger {

  /** A message the fake took, as Twilio would list it. */
  record Created(String sid, long messageId, String to, String from, String body, Instant at) {}

  private final AtomicLong sids = new AtomicLong();
  private final Map<Long, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<Long, List<Created>> created = new ConcurrentHashMap<>();
  private final Map<String, List<Created>> byNumber = new ConcurrentHashMap<>();
  private final Set<Long> foundByLookup = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();

  Created create(Map<String, String> form) {
    long id = messageId(form);
    requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    String sid = String.format("SM%032x", sids.incrementAndGet());
    Created message =
        new Created(sid, id, form.get("To"), form.get("From"), form.get("Body"), Instant.now());
    created.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(message);
    byNumber.computeIfAbsent(message.to(), k -> new CopyOnWriteArrayList<>()).add(message);
    return message;
  }

  void refused(Map<String, String> form) {
    requests.computeIfAbsent(messageId(form), k -> new AtomicInteger()).incrementAndGet();
    refused.incrementAndGet();
  }

  List<Created> lookup(String to) {
    List<Created> found = to == null ? List.of() : byNumber.getOrDefault(to, List.of());
    found.forEach(m -> foundByLookup.add(m.messageId()));
    return List.copyOf(found);
  }

  /** Send requests for the message, refused ones included. */
  int requests(long messageId) {
    AtomicInteger count = requests.get(messageId);
    return count == null ? 0 : count.get();
  }

  /** Messages the provider took for the service's message: 1 when sent exactly once. */
  List<Created> created(long messageId) {
    return created.getOrDefault(messageId, List.of());
  }

  /** Messages taken so far, for every message. */
  long taken() {
    return sids.get();
  }

  boolean foundByLookup(long messageId) {
    return foundByLookup.contains(messageId);
  }

  /** Send requests refused by a fault: attempts spent while the provider was down. */
  int refused() {
    return refused.get();
  }

  private static long messageId(Map<String, String> form) {
    String callback = form.getOrDefault("StatusCallback", "");
    int at = callback.indexOf("?m=");
    return at < 0 ? -1 : Long.parseLong(callback.substring(at + 3));
  }
}
