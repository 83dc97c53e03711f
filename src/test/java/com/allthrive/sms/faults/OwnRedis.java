package com.allthrive.sms.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the test's own on a free port, without persistence, that the Redis
 * scenario stops and starts again. The shared Redis on 6379 is never touched.
 */
final class OwnRedis implements AutoCloseable {

  private final int port;
  private Process process;

  OwnRedis(int port) throws IOException {
    this.port = port;
    start();
  }

  int port() {
    return port;
  }

  void start() throws IOException {
    Path log = Path.of("target", "faults", "redis-" + port + ".log");
    Files.createDirectories(log.getParent());
    process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    await("redis on " + port).atMost(Duration.ofSeconds(30)).until(this::answers);
  }

  /** Kills the server at once, as a crash would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
