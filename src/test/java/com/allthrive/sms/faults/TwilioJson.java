package com.allthrive.sms.faults;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Twilio's JSON for a message, a page of messages and an error, as the SDK reads them. */
final class TwilioJson {

  static final String ACCOUNT = "AC00000000000000000000000000000000";

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
          .withZone(ZoneOffset.UTC);

  private TwilioJson() {}

  static String message(ProviderLedger.Created m) {
    String date = RFC_2822.format(m.at());
    return "{\"sid\":\""
        + m.sid()
        + "\",\"status\":\"queued\",\"account_sid\":\""
        + ACCOUNT
        + "\",\"api_version\":\"2010-04-01\",\"direction\":\"outbound-api\",\"num_segments\":\"1\","
        + "\"num_media\":\"0\",\"price\":null,\"price_unit\":null,\"error_code\":null,"
        + "\"error_message\":null,\"date_created\":\""
        + date
        + "\",\"date_sent\":null,\"date_updated\":\""
        + date
        + "\",\"body\":"
        + quoted(m.body())
        + ",\"from\":"
        + quoted(m.from())
        + ",\"to\":"
        + quoted(m.to())
        + ",\"messaging_service_sid\":null,\"uri\":\"/2010-04-01/Accounts/"
        + ACCOUNT
        + "/Messages/"
        + m.sid()
        + ".json\"}";
  }

  static String page(List<ProviderLedger.Created> messages) {
    return "{\"messages\":["
        + messages.stream().map(TwilioJson::message).collect(Collectors.joining(","))
        + "],\"next_page_uri\":null,\"previous_page_uri\":null,\"first_page_uri\":\"/x\","
        + "\"uri\":\"/x\",\"page\":0,\"page_size\":50,\"start\":0,\"end\":"
        + messages.size()
        + "}";
  }

  static String error() {
    return "{\"code\":20500,\"message\":\"Internal Server Error\",\"more_info\":"
        + "\"https://www.twilio.com/docs/errors/20500\",\"status\":500}";
  }

  private static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
