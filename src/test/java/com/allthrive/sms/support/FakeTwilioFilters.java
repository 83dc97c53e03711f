package com.allthrive.sms.support;

import com.allthrive.sms.support.FakeTwilioMessages.Created;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The list filters of Twilio's Messages API as the fake honours them: {@code To}, {@code From},
 * {@code DateSent} (a GMT day, or an instant), {@code DateSent<} (on or before) and {@code
 * DateSent>} (on or after). A message without a {@code date_sent} (still queued) matches no {@code
 * DateSent} filter, as at Twilio.
 */
final class FakeTwilioFilters {

  private FakeTwilioFilters() {}

  static Predicate<Created> of(Request request, Function<Created, Instant> dateSent) {
    Predicate<Created> all = c -> true;
    String to = value(request, "To");
    if (to != null) {
      all = all.and(c -> to.equals(c.to()));
    }
    String from = value(request, "From");
    if (from != null) {
      all = all.and(c -> from.equals(c.form().get("From")));
    }
    all = all.and(date(value(request, "DateSent"), dateSent, 0));
    all = all.and(date(value(request, "DateSent<"), dateSent, -1));
    return all.and(date(value(request, "DateSent>"), dateSent, 1));
  }

  /** {@code direction}: 0 the same day or instant, -1 on or before, 1 on or after. */
  private static Predicate<Created> date(
      String value, Function<Created, Instant> dateSent, int direction) {
    if (value == null) {
      return c -> true;
    }
    return c -> {
      Instant sent = dateSent.apply(c);
      if (sent == null) {
        return false;
      }
      int compared =
          value.length() == 10
              ? LocalDate.ofInstant(sent, ZoneOffset.UTC).compareTo(LocalDate.parse(value))
              : sent.compareTo(instant(value));
      return direction == 0 ? compared == 0 : Integer.signum(compared) != -direction;
    };
  }

  /** A GMT date-time, with or without an offset (the SDK sends none). */
  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }
  }

  private static String value(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
  }
}
