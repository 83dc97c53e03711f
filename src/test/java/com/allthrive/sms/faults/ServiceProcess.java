package com.allthrive.sms.faults;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar as a process of its own, with the {@code prod} profile and the settings of
 * {@link FaultCluster}; its output goes to {@code target/faults/<name>.log}.
 */
final class ServiceProcess {

  static final String PLATFORM_KEY = "faults-platform-key";
  static final String ADMIN_KEY = "faults-admin-key";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;

  private ServiceProcess(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts the jar, ahead of time (its AOT-processed bean definitions, as README's "Faster start"
   * runs production) or as a plain {@code java -jar}; {@link #awaitUp} waits until it answers.
   */
  static ServiceProcess start(
      String name, int port, boolean aheadOfTime, Map<String, String> env, List<String> args)
      throws IOException {
    String jar = System.getProperty("faults.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("No packaged jar at faults.jar=" + jar + "; run package");
    }
    Path log = Path.of("target", "faults", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    if (aheadOfTime) {
      command.add("-Dspring.aot.enabled=true");
    }
    command.add("-jar");
    command.add(jar);
    command.add("--server.port=" + port);
    command.add("--db-scheduler.scheduler-name=" + name);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("PUBLIC_BASE_URL", "http://localhost:" + port);
    return new ServiceProcess(name, port, builder.start());
  }

  ServiceProcess awaitUp() {
    await(name + " started")
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !process.isAlive() || get("/actuator/health/liveness").status() == 200);
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited; see target/faults/" + name + ".log");
    }
    return this;
  }

  String name() {
    return name;
  }

  /** Whether Spring said it started from the AOT-processed definitions. */
  boolean startedAheadOfTime() throws IOException {
    return Files.readString(Path.of("target", "faults", name + ".log"))
        .contains("Starting AOT-processed SmsApplication");
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  /** A GET with the admin key; a connection failure reads as status 0. */
  Answer get(String path) {
    return call(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", ADMIN_KEY).GET());
  }

  /** A platform call: POST of a JSON body with the platform key and extra headers. */
  Answer post(String path, String json, Map<String, String> headers) {
    var request =
        HttpRequest.newBuilder(uri(path))
            .header("X-Api-Key", PLATFORM_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return call(request);
  }

  /**
   * {@code /actuator/health} as an admin sees it: {@code path} names a member, e.g. {@code
   * components/presence/status}; empty when the member or the answer is missing.
   */
  String health(String path) {
    Answer answer = get("/actuator/health");
    if (answer.status() != 200 && answer.status() != 503) {
      return "";
    }
    JsonNode node = JSON.readTree(answer.body());
    for (String name : path.split("/")) {
      node = node.path(name);
    }
    return node.asString("");
  }

  /** A platform PUT of a JSON body. */
  Answer put(String path, String json) {
    return call(
        HttpRequest.newBuilder(uri(path))
            .header("X-Api-Key", PLATFORM_KEY)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Answer call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      return new Answer(0, e.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, e.toString(), null);
    }
  }

  /** An HTTP answer; status 0 when none came. */
  record Answer(int status, String body, String retryAfter) {}
}
