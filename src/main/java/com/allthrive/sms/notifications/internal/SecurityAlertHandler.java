package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * {@code security.*}: always sent to a verified number, whatever the preferences, quiet hours or
 * limits say; only the opt-out list (STOP) stops them.
 */
class SecurityAlertHandler implements EventHandler<SecurityAlertHandler.Alert> {

  record Alert(UserId user, String details) {}

  private final String type;
  private final boolean needsDetails;
  private final Function<Alert, Template> text;

  SecurityAlertHandler(String type, boolean needsDetails, Function<Alert, Template> text) {
    this.type = type;
    this.needsDetails = needsDetails;
    this.text = text;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Alert parse(Fields data) {
    return new Alert(data.userId("user_id"), needsDetails ? data.text("details", 300) : null);
  }

  @Override
  public Collection<UserId> users(Alert event) {
    return List.of(event.user());
  }

  @Override
  public List<Planned> plan(String eventId, Alert event, Recipients recipients) {
    var candidate = recipients.candidate(event.user(), MessageType.SECURITY_ALERT, null, null);
    Template body =
        text.apply(event)
            .wrap("Security Alert: ", "\n\nIf this wasn't you, secure your account immediately.");
    var message =
        new OutgoingText(
            "security:" + eventId + ":" + event.user().value(),
            body,
            "SecurityEvent",
            type,
            Priority.HIGH,
            Duration.ofHours(1));
    return List.of(Planned.send(candidate, message));
  }
}
