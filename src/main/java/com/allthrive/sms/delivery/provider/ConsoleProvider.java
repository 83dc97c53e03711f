package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.ConsoleOutbox;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sends" by writing a log line and keeping the text in the in-memory {@link ConsoleOutbox}. The
 * log line shows the masked number and the logged body (a verification code stays redacted); the
 * full text only reaches the in-memory outbox.
 */
final class ConsoleProvider implements SmsProvider {

  private static final Logger log = LoggerFactory.getLogger(ConsoleProvider.class);

  private final RecentConsoleMessages outbox;
  private final Clock clock;

  ConsoleProvider(RecentConsoleMessages outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public SendOutcome send(SendRequest request) {
    log.info(
        "SMS {} to {} [{}]: {}",
        request.messageId(),
        request.to().masked(),
        request.type().code(),
        oneLine(request.loggedBody()));
    outbox.add(
        new ConsoleOutbox.Entry(
            request.messageId(), request.to(), request.type(), request.body(), clock.instant()));
    return new SendOutcome.Accepted("console-" + request.messageId());
  }

  @Override
  public LookupOutcome lookup(LookupRequest request) {
    return new LookupOutcome.NotFound();
  }

  private static String oneLine(String text) {
    return text.replace("\r", "").replace("\n", "\\n");
  }
}
