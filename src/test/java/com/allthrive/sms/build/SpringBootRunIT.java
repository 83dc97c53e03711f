package com.allthrive.sms.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command: {@code ./mvnw spring-boot:run} compiles and starts only the
 * application (no test compilation, no coverage agent), and Ctrl-C stops it without a build
 * failure. Runs the wrapper in a process group of its own, as a terminal would, and interrupts the
 * group as Ctrl-C does.
 */
class SpringBootRunIT {

  @Test
  void runsOnlyTheApplicationAndStopsCleanlyOnCtrlC() throws Exception {
    Path log = Files.createTempFile("spring-boot-run", ".log");
    Path data = Files.createTempDirectory("sms-data");
    int port = freePort();
    var command =
        new ProcessBuilder(
            "setsid",
            "./mvnw",
            "-B",
            "spring-boot:run",
            "-Dspring-boot.run.arguments=--server.port=" + port);
    command.environment().put("SMS_DATA_DIR", data.toString());
    Process maven = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> !maven.isAlive() || Files.readString(log).contains("Started SmsApplication"));
      assertThat(maven.isAlive()).as(Files.readString(log)).isTrue();
      assertThat(health(port)).isEqualTo(200);

      new ProcessBuilder("kill", "-INT", "--", "-" + maven.pid()).start().waitFor();

      assertThat(maven.waitFor(2, TimeUnit.MINUTES)).isTrue();
      String output = Files.readString(log);
      assertThat(maven.exitValue()).as(output).isZero();
      assertThat(output)
          .contains("BUILD SUCCESS")
          .doesNotContain("BUILD FAILURE")
          .doesNotContain(":testCompile")
          .doesNotContain("jacoco");
    } finally {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly();
    }
  }

  private static int health(int port) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
