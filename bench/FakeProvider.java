import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Twilio's Messages API for the dispatch benchmark: every POST to .../Messages.json
 * is answered 201 with a queued message after a fixed delay; a GET (a lookup of a lost send) finds
 * nothing, so the service sends again after its grace period. {@code GET /served} answers the
 * number of messages accepted so far (bench/end-to-end.sh counts the 201s with it).
 *
 * <p>Usage: java bench/FakeProvider.java PORT DELAY_MS
 */
public class FakeProvider {

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    long delayMillis = Long.parseLong(args[1]);
    // without TCP_NODELAY the answer's body waits behind its headers for the client's delayed ACK:
    // about 40 ms on Linux added to every answer
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicLong served = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    // the answers wait on a timer, not on a thread each: the fake takes as little of the machine's
    // CPU from the service under test as it can (Twilio does not run on the service's cores)
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    server.setExecutor(null);
    server.createContext("/", exchange -> answer(exchange, delayMillis, served, timer));
    server.createContext(
        "/served",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          send(exchange, 200, Long.toString(served.get()));
        });
    server.start();
    System.out.println(
        "fake provider on port " + port + ", answering after " + delayMillis + " ms");
  }

  private static void answer(
      HttpExchange exchange, long delayMillis, AtomicLong served, ScheduledExecutorService timer)
      throws IOException {
    exchange.getRequestBody().readAllBytes();
    if ("GET".equals(exchange.getRequestMethod())) {
      send(
          exchange,
          200,
          "{\"messages\":[],\"next_page_uri\":null,\"previous_page_uri\":null,"
              + "\"first_page_uri\":\"/x\",\"uri\":\"/x\",\"page\":0,\"page_size\":50,\"start\":0,\"end\":0}");
      return;
    }
    timer.schedule(() -> created(exchange, served), delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Twilio's answer to a new message: queued, so not sent yet (no date_sent). */
  private static void created(HttpExchange exchange, AtomicLong served) {
    String sid =
        String.format(
            "SM%016x%016x", ThreadLocalRandom.current().nextLong(), served.incrementAndGet());
    String body =
        "{\"sid\":\""
            + sid
            + "\",\"status\":\"queued\",\"account_sid\":\"AC00000000000000000000000000000000\","
            + "\"api_version\":\"2010-04-01\",\"direction\":\"outbound-api\",\"num_segments\":\"1\","
            + "\"num_media\":\"0\",\"price\":null,\"price_unit\":null,\"error_code\":null,"
            + "\"error_message\":null,\"date_created\":\"Thu, 24 Aug 2023 05:01:45 +0000\","
            + "\"date_sent\":null,"
            + "\"date_updated\":\"Thu, 24 Aug 2023 05:01:45 +0000\",\"body\":\"Benchmark\","
            + "\"from\":\"+15005550006\",\"to\":\"+12025550100\",\"messaging_service_sid\":null,"
            + "\"uri\":\"/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/"
            + sid
            + ".json\"}";
    try {
      send(exchange, 201, body);
    } catch (IOException e) {
      exchange.close(); // the client gave up: it looks the message up later
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
