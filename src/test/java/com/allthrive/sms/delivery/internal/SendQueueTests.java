package com.allthrive.sms.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.Priority;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendQueueTests {

  private final ExecutorService oneSender = Executors.newSingleThreadExecutor();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final CountDownLatch providerAnswers = new CountDownLatch(1);
  private final CountDownLatch firstSendStarted = new CountDownLatch(1);

  @AfterEach
  void stop() {
    oneSender.shutdownNow();
  }

  @Test
  void aVerificationCodeGoesBeforeTheRemindersQueuedAheadOfIt() throws InterruptedException {
    SendQueue<String> queue = new SendQueue<>(oneSender, 100, this::send);
    queue.offer("first reminder", Priority.LOW);
    assertThat(firstSendStarted.await(30, TimeUnit.SECONDS)).isTrue();
    for (int i = 2; i <= 20; i++) {
      queue.offer("reminder " + i, Priority.LOW);
    }
    queue.offer("alert", Priority.NORMAL);
    queue.offer("code", Priority.HIGH);

    providerAnswers.countDown();
    oneSender.shutdown();
    assertThat(oneSender.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(sent).hasSize(22);
    assertThat(sent.subList(0, 4)).containsExactly("first reminder", "code", "alert", "reminder 2");
    assertThat(sent.get(21)).isEqualTo("reminder 20");
  }

  @Test
  void aFullQueueRefusesBulkButTakesUrgentMessages() {
    Executor busySenders = run -> {};
    SendQueue<String> queue = new SendQueue<>(busySenders, 3, this::send);
    for (int i = 1; i <= 3; i++) {
      assertThat(queue.offer("reminder " + i, Priority.LOW)).isTrue();
    }

    boolean bulk = queue.offer("one reminder too many", Priority.LOW);
    boolean code = queue.offer("code", Priority.HIGH);

    assertThat(bulk).isFalse();
    assertThat(code).isTrue();
  }

  /** The first send holds the only sender until the provider answers. */
  private void send(String message) {
    firstSendStarted.countDown();
    try {
      providerAnswers.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sent.add(message);
  }
}
