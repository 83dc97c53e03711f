package com.allthrive.sms.web.demo;

import com.allthrive.sms.accounts.DemoAccess;
import com.allthrive.sms.delivery.ConsoleOutbox;
import com.allthrive.sms.web.WebSettings;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each text of the console outbox to every open demo console as a server-sent event. The
 * provider's sending thread only hands the text over; one thread of its own writes to the browsers.
 * Open streams end first when the service stops, so the web server's graceful shutdown does not
 * wait for them.
 */
@Component
class OutboxStream implements SmartLifecycle {

  private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "demo-outbox-stream");
            thread.setDaemon(true);
            return thread;
          });
  private final WebSettings settings;
  private final AutoCloseable subscription;

  OutboxStream(ConsoleOutbox outbox, DemoAccess demo, WebSettings settings) {
    this.settings = settings;
    this.subscription =
        demo.enabled() ? outbox.subscribe(e -> writer.execute(() -> publish(e))) : () -> {};
  }

  SseEmitter open() {
    SseEmitter emitter = new SseEmitter(settings.outboxStreamTimeout().toMillis());
    emitters.add(emitter);
    emitter.onCompletion(() -> emitters.remove(emitter));
    emitter.onTimeout(() -> emitters.remove(emitter));
    emitter.onError(e -> emitters.remove(emitter));
    try {
      emitter.send(SseEmitter.event().name("ready").data("{}"));
    } catch (IOException e) {
      emitters.remove(emitter);
    }
    return emitter;
  }

  private void publish(ConsoleOutbox.Entry entry) {
    OutboxView view = OutboxView.of(entry);
    for (SseEmitter emitter : emitters) {
      try {
        emitter.send(
            SseEmitter.event().name("sms").id(String.valueOf(view.messageId())).data(view));
      } catch (IOException | IllegalStateException e) {
        emitters.remove(emitter);
      }
    }
  }

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    try {
      subscription.close();
    } catch (Exception e) {
      // nothing more to stop
    }
    emitters.forEach(SseEmitter::complete);
    emitters.clear();
    writer.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown, which would wait for open streams. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
