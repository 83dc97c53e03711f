package com.allthrive.sms.delivery.web;

import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.delivery.internal.StatusCallbacks;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.PhoneNumbers;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks, form-encoded and signed. The status callback moves a message forward and
 * records its price; the inbound webhook hands the text to the {@link InboundSmsHandler} and
 * answers TwiML. Both must be configured as exactly {@code PUBLIC_BASE_URL} + the path below,
 * because the signature covers the URL.
 */
@RestController
class TwilioWebhookController {

  static final String STATUS_PATH = "/webhooks/twilio/status";
  static final String INBOUND_PATH = "/webhooks/twilio/inbound";

  private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

  private final TwilioSignatures signatures;
  private final StatusCallbacks callbacks;
  private final ObjectProvider<InboundSmsHandler> handler;

  TwilioWebhookController(
      TwilioSignatures signatures,
      StatusCallbacks callbacks,
      ObjectProvider<InboundSmsHandler> handler) {
    this.signatures = signatures;
    this.callbacks = callbacks;
    this.handler = handler;
  }

  @PostMapping(STATUS_PATH)
  ResponseEntity<Void> status(HttpServletRequest request) {
    signatures.require(request, STATUS_PATH);
    String sid = first(request, "MessageSid", "SmsSid");
    if (sid == null) {
      throw ApiProblem.badRequest("missing_message_sid", "MessageSid is required.");
    }
    var report =
        new StatusCallbacks.Report(
            sid,
            messageId(request.getParameter("m")),
            first(request, "MessageStatus", "SmsStatus"),
            blankToNull(request.getParameter("ErrorCode")),
            price(request.getParameter("Price")),
            currency(request.getParameter("PriceUnit")));
    StatusCallbacks.Result result = callbacks.apply(report);
    if (result == StatusCallbacks.Result.UNKNOWN_MESSAGE) {
      log.info("Status callback for an unknown message {}", sid);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping(INBOUND_PATH)
  ResponseEntity<String> inbound(HttpServletRequest request) {
    signatures.require(request, INBOUND_PATH);
    Optional<PhoneNumber> from = sender(request.getParameter("From"));
    InboundSmsHandler answering = handler.getIfAvailable();
    Optional<String> reply = Optional.empty();
    if (from.isPresent() && answering != null) {
      String body = Optional.ofNullable(request.getParameter("Body")).orElse("");
      String optOutType = blankToNull(request.getParameter("OptOutType"));
      log.info("Inbound SMS from {} ({})", from.get(), optOutType == null ? "text" : optOutType);
      reply =
          answering.handle(
              new InboundSms(from.get(), body, optOutType, first(request, "MessageSid", "SmsSid")));
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(Twiml.reply(reply));
  }

  private static Optional<PhoneNumber> sender(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    if (PhoneNumbers.parse(raw) instanceof PhoneNumbers.Valid valid) {
      return Optional.of(valid.number());
    }
    try {
      return Optional.of(new PhoneNumber(raw.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Long messageId(String raw) {
    try {
      return raw == null ? null : Long.valueOf(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Twilio reports the price as a negative amount (a charge); the log keeps it positive. */
  private static BigDecimal price(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(raw.trim()).abs();
    } catch (NumberFormatException e) {
      log.warn("Ignoring a malformed price in a status callback");
      return null;
    }
  }

  private static String currency(String raw) {
    String value = blankToNull(raw);
    return value != null && value.matches("[A-Za-z]{3}") ? value.toUpperCase() : null;
  }

  private static String first(HttpServletRequest request, String name, String fallback) {
    String value = blankToNull(request.getParameter(name));
    return value != null ? value : blankToNull(request.getParameter(fallback));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
