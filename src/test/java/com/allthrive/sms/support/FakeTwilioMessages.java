package com.allthrive.sms.support;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The fake's memory of created messages and the two WireMock transformers that use it. Like real
 * Twilio, a new message is {@code queued} with no {@code date_sent}; {@link #advance} moves it to
 * {@code sent} (setting {@code date_sent}) and then {@code delivered}. Lists honour the filters of
 * {@link FakeTwilioFilters}, newest first. A number can be held: its sends are taken (listed as
 * queued) but answered only once released.
 */
public final class FakeTwilioMessages {

  static final String CREATE = "twilio-create-message";
  static final String LIST = "twilio-list-messages";

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  /** A message the fake answered 201 for. */
  public record Created(String sid, String to, String body, Map<String, String> form, Instant at) {}

  private record Progress(String status, Instant dateSent) {}

  private final String accountSid;
  private final List<Created> created = new CopyOnWriteArrayList<>();
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

  FakeTwilioMessages(String accountSid) {
    this.accountSid = accountSid;
  }

  void clear() {
    held.values().forEach(CountDownLatch::countDown);
    held.clear();
    created.clear();
    progress.clear();
  }

  /** Sends to {@code to} are taken but not answered until the returned latch is counted down. */
  CountDownLatch hold(String to) {
    return held.computeIfAbsent(to, t -> new CountDownLatch(1));
  }

  /** Every message to {@code to} moves one step: queued → sent → delivered. */
  void advance(String to) {
    for (Created message : createdFor(to)) {
      progress.computeIfPresent(
          message.sid(),
          (sid, now) ->
              switch (now.status()) {
                case "queued" -> new Progress("sent", Instant.now());
                case "sent" -> new Progress("delivered", now.dateSent());
                default -> now;
              });
    }
  }

  /** The status the fake reports for a message. */
  String status(String sid) {
    return progress.get(sid).status();
  }

  /** The destination of every message created, in the order they were created. */
  List<String> createdTo() {
    return created.stream().map(Created::to).toList();
  }

  List<Created> createdFor(String to) {
    return created.stream().filter(c -> c.to().equals(to)).toList();
  }

  ResponseDefinitionTransformerV2 creator() {
    return transformer(CREATE, this::create);
  }

  ResponseDefinitionTransformerV2 lister() {
    return transformer(LIST, this::list);
  }

  private ResponseDefinition create(ServeEvent event) {
    Map<String, String> form = form(event.getRequest());
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    var message =
        new Created(
            "SM" + HexFormat.of().formatHex(random),
            form.get("To"),
            form.get("Body"),
            form,
            Instant.now());
    progress.put(message.sid(), new Progress("queued", null));
    created.add(message);
    CountDownLatch hold = held.get(message.to());
    if (hold != null) {
      awaitRelease(hold);
    }
    return json(event, 201, json(message));
  }

  private ResponseDefinition list(ServeEvent event) {
    List<Created> matching =
        created.stream()
            .filter(FakeTwilioFilters.of(event.getRequest(), c -> progress.get(c.sid()).dateSent()))
            .sorted(Comparator.comparing(Created::at).reversed())
            .toList();
    String items = matching.stream().map(this::json).collect(Collectors.joining(","));
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    String page =
        "{\"messages\":["
            + items
            + "],\"end\":"
            + Math.max(0, matching.size() - 1)
            + ",\"first_page_uri\":\""
            + uri
            + "?PageSize=50&Page=0\",\"next_page_uri\":null,\"previous_page_uri\":null,"
            + "\"page\":0,\"page_size\":50,\"start\":0,\"uri\":\""
            + uri
            + "?PageSize=50&Page=0\"}";
    return json(event, 200, page);
  }

  private static void awaitRelease(CountDownLatch hold) {
    try {
      hold.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String json(Created message) {
    String date = RFC_2822.format(message.at().atOffset(ZoneOffset.UTC));
    Progress now = progress.get(message.sid());
    String sent =
        now.dateSent() == null
            ? "null"
            : "\"" + RFC_2822.format(now.dateSent().atOffset(ZoneOffset.UTC)) + "\"";
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + message.sid();
    return "{\"account_sid\":\""
        + accountSid
        + "\",\"api_version\":\"2010-04-01\",\"body\":"
        + quote(message.body())
        + ",\"date_created\":\""
        + date
        + "\",\"date_sent\":"
        + sent
        + ",\"date_updated\":\""
        + date
        + "\",\"direction\":\"outbound-api\",\"error_code\":null,\"error_message\":null,"
        + "\"from\":"
        + quote(message.form().get("From"))
        + ",\"messaging_service_sid\":"
        + quote(message.form().get("MessagingServiceSid"))
        + ",\"num_media\":\"0\",\"num_segments\":\"1\",\"price\":null,\"price_unit\":null,"
        + "\"sid\":\""
        + message.sid()
        + "\",\"status\":\""
        + now.status()
        + "\",\"subresource_uris\":{\"media\":\""
        + uri
        + "/Media.json\"},\"to\":"
        + quote(message.to())
        + ",\"uri\":\""
        + uri
        + ".json\"}";
  }

  /** The URL-decoded form parameters of a request (first value of each). */
  static Map<String, String> form(Request request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = request.getBodyAsString();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.putIfAbsent(name, value);
    }
    return form;
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    value
        .chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
              } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.append('"').toString();
  }

  private static ResponseDefinition json(ServeEvent event, int status, String body) {
    return ResponseDefinitionBuilder.like(event.getResponseDefinition())
        .but()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }

  private static ResponseDefinitionTransformerV2 transformer(
      String name, java.util.function.Function<ServeEvent, ResponseDefinition> body) {
    return new ResponseDefinitionTransformerV2() {
      @Override
      public ResponseDefinition transform(ServeEvent event) {
        return body.apply(event);
      }

      @Override
      public boolean applyGlobally() {
        return false;
      }

      @Override
      public String getName() {
        return name;
      }
    };
  }
}
