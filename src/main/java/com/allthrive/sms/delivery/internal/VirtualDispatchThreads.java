package com.allthrive.sms.delivery.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Virtual threads for db-scheduler's executions, at most {@code limit} running at a time (the same
 * bound as its platform thread pool). The service is compiled for Java 17, so the Java 21 API is
 * reached by reflection; on an older runtime there is none and db-scheduler keeps its pool.
 */
final class VirtualDispatchThreads extends AbstractExecutorService {

  private final ExecutorService threads;
  private final Semaphore running;

  private VirtualDispatchThreads(ExecutorService threads, int limit) {
    this.threads = threads;
    this.running = new Semaphore(limit);
  }

  /** A bounded virtual-thread executor, or empty before Java 21. */
  static Optional<ExecutorService> create(int limit) {
    try {
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      builder =
          builderType
              .getMethod("name", String.class, long.class)
              .invoke(builder, "sms-dispatch-", 0L);
      ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
      ExecutorService perTask =
          (ExecutorService)
              Executors.class
                  .getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                  .invoke(null, factory);
      return Optional.of(new VirtualDispatchThreads(perTask, limit));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create virtual threads", e);
    }
  }

  @Override
  public void execute(Runnable task) {
    threads.execute(
        () -> {
          running.acquireUninterruptibly();
          try {
            task.run();
          } finally {
            running.release();
          }
        });
  }

  @Override
  public void shutdown() {
    threads.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return threads.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return threads.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return threads.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return threads.awaitTermination(timeout, unit);
  }
}
