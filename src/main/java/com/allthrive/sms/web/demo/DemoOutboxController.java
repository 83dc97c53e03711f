package com.allthrive.sms.web.demo;

import com.allthrive.sms.accounts.DemoAccess;
import com.allthrive.sms.delivery.ConsoleOutbox;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.PhoneNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Demo mode only: the console provider's outbox in full (codes included) and texts "from" a phone
 * without Twilio. Outside demo mode these resources do not exist (404).
 */
@RestController
@Tag(name = "demo", description = "Demo mode only: the console outbox and texts from a phone")
class DemoOutboxController {

  record InboundRequest(String from, String body) {}

  record InboundAnswer(String from, String reply) {}

  private final DemoAccess demo;
  private final ConsoleOutbox outbox;
  private final OutboxStream stream;
  private final ObjectProvider<InboundSmsHandler> inbound;

  DemoOutboxController(
      DemoAccess demo,
      ConsoleOutbox outbox,
      OutboxStream stream,
      ObjectProvider<InboundSmsHandler> inbound) {
    this.demo = demo;
    this.outbox = outbox;
    this.stream = stream;
    this.inbound = inbound;
  }

  @Operation(summary = "The console provider's latest texts in full, newest first")
  @GetMapping("/api/v1/demo/outbox")
  List<OutboxView> outbox() {
    requireDemo();
    return outbox.recent().stream().map(OutboxView::of).toList();
  }

  @Operation(summary = "The console outbox live, as server-sent events named sms")
  @GetMapping(path = "/api/v1/demo/outbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live() {
    requireDemo();
    return stream.open();
  }

  @Operation(summary = "A text from a phone (STOP, START, HELP, ...), without Twilio's signature")
  @PostMapping("/api/v1/demo/inbound")
  InboundAnswer inbound(@RequestBody(required = false) InboundRequest body) {
    requireDemo();
    if (body == null || body.body() == null) {
      throw ApiProblem.badRequest("invalid_request", "from and body are required.");
    }
    var from = PhoneNumbers.require("from", body.from()).number();
    InboundSmsHandler handler = inbound.getIfAvailable();
    String reply =
        handler == null
            ? null
            : handler
                .handle(new InboundSms(from, body.body(), null, "demo-" + UUID.randomUUID()))
                .orElse(null);
    return new InboundAnswer(from.e164(), reply);
  }

  private void requireDemo() {
    if (!demo.enabled()) {
      throw ApiProblem.notFound("not_found", "This resource exists only in demo mode.");
    }
  }
}
