package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.ConsoleOutbox;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The last {@value #CAPACITY} texts of the console provider, in memory, newest first. */
@Component
class RecentConsoleMessages implements ConsoleOutbox {

  static final int CAPACITY = 200;

  private static final Logger log = LoggerFactory.getLogger(RecentConsoleMessages.class);

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

  void add(Entry entry) {
    synchronized (this) {
      entries.addFirst(entry);
      while (entries.size() > CAPACITY) {
        entries.removeLast();
      }
    }
    for (Consumer<Entry> listener : listeners) {
      try {
        listener.accept(entry);
      } catch (RuntimeException e) {
        log.warn("A console outbox listener failed: {}", e.toString());
      }
    }
  }

  @Override
  public synchronized List<Entry> recent() {
    return List.copyOf(entries);
  }

  @Override
  public AutoCloseable subscribe(Consumer<Entry> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
