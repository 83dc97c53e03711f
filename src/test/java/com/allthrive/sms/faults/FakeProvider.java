package com.allthrive.sms.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Twilio's Messages API for service processes, on the JDK's HTTP server: a POST to {@code
 * .../Messages.json} is answered 201 with the new message ({@code queued}, no {@code date_sent})
 * after a set latency, a GET lists the messages to a number as Twilio does. A fault is switched at
 * run time: {@link Fault#ERROR} answers 500 at once, {@link Fault#HANG} holds each request past the
 * service's read timeout and takes nothing. {@link ProviderLedger} counts per message.
 */
final class FakeProvider implements AutoCloseable {

  /** What the fake does with a request. */
  enum Fault {
    NONE,
    ERROR,
    HANG
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(400);
  private final ProviderLedger ledger = new ProviderLedger();
  private final Duration latency;
  private final Duration hang;
  private volatile Fault fault = Fault.NONE;

  /**
   * @param latency how long each accepted send takes
   * @param hang how long a request is held under {@link Fault#HANG}; longer than the client timeout
   */
  FakeProvider(Duration latency, Duration hang) throws IOException {
    this.latency = latency;
    this.hang = hang;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ProviderLedger ledger() {
    return ledger;
  }

  void fault(Fault fault) {
    this.fault = fault;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean post = "POST".equals(exchange.getRequestMethod());
      Map<String, String> form = post ? form(body) : form(exchange.getRequestURI().getRawQuery());
      Fault now = fault;
      if (now != Fault.NONE) {
        if (post) {
          ledger.refused(form);
        }
        if (now == Fault.HANG) {
          pause(hang);
        }
        send(exchange, 500, TwilioJson.error());
        return;
      }
      if (!post) {
        send(exchange, 200, TwilioJson.page(ledger.lookup(form.get("To"))));
        return;
      }
      ProviderLedger.Created created = ledger.create(form);
      pause(latency);
      send(exchange, 201, TwilioJson.message(created));
    }
  }

  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the caller is gone (killed, or gave up after its timeout): the message stays taken
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
