package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.Priority;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The in-memory queue of the send right after commit: most urgent first, then in order of arrival,
 * so a verification code or a security alert does not wait behind thousands of reminders. Each
 * offered item hands one run to the executor, and each run takes whichever item is most urgent at
 * that moment. Bounded: past {@code capacity} waiting items an offer is refused, except a {@link
 * Priority#HIGH} one, which always gets in.
 */
final class SendQueue<T> {

  private record Item<T>(int weight, long sequence, T value) {}

  private static final Comparator<Item<?>> ORDER =
      Comparator.<Item<?>>comparingInt(i -> -i.weight()).thenComparingLong(Item::sequence);

  private final PriorityBlockingQueue<Item<T>> waiting =
      new PriorityBlockingQueue<>(64, ORDER::compare);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger size = new AtomicInteger();
  private final Executor executor;
  private final int capacity;
  private final Consumer<T> action;

  SendQueue(Executor executor, int capacity, Consumer<T> action) {
    this.executor = executor;
    this.capacity = capacity;
    this.action = action;
  }

  /** Queues {@code value}; false when it was refused (full, or the executor stopped). */
  boolean offer(T value, Priority priority) {
    if (size.incrementAndGet() > capacity && priority != Priority.HIGH) {
      size.decrementAndGet();
      return false;
    }
    Item<T> item = new Item<>(priority.weight(), sequence.incrementAndGet(), value);
    waiting.add(item);
    try {
      executor.execute(this::runNext);
      return true;
    } catch (RejectedExecutionException e) {
      if (waiting.remove(item)) {
        size.decrementAndGet();
        return false;
      }
      return true;
    }
  }

  /** Takes out what is still waiting (when stopping). */
  void drainTo(Consumer<T> sink) {
    Item<T> item;
    while ((item = waiting.poll()) != null) {
      size.decrementAndGet();
      sink.accept(item.value());
    }
  }

  private void runNext() {
    Item<T> item = waiting.poll();
    if (item == null) {
      return;
    }
    size.decrementAndGet();
    action.accept(item.value());
  }
}
