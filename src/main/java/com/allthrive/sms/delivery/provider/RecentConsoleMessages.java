package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.ConsoleOutbox;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** The last {@value #CAPACITY} texts of the console provider, in memory, newest first. */
@Component
class RecentConsoleMessages implements ConsoleOutbox {

  static final int CAPACITY = 200;

  private final Deque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Entry entry) {
    entries.addFirst(entry);
    while (entries.size() > CAPACITY) {
      entries.removeLast();
    }
  }

  @Override
  public synchronized List<Entry> recent() {
    return List.copyOf(entries);
  }
}
