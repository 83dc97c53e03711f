package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code direct_message.created}: the plan's "sent you a message" text to each recipient who is
 * offline, at most once per thread and recipient in the debounce period. The sender never gets a
 * text for their own message ({@code own_message}). Recipients are decided in id order, so two
 * events of one thread lock their debounce rows in the same order.
 */
@Component
class DirectMessageHandler implements EventHandler<DirectMessageHandler.Created> {

  static final int PREVIEW_CODE_POINTS = 50;

  record Created(
      String threadId,
      String messageId,
      UserId sender,
      String senderName,
      List<UserId> recipients,
      String preview,
      String threadUrl) {}

  @Override
  public String type() {
    return "direct_message.created";
  }

  @Override
  public Created parse(Fields data) {
    return new Created(
        data.id("thread_id"),
        data.id("message_id"),
        data.userId("sender_id"),
        data.text("sender_name", 200),
        data.userIds("recipient_ids", 1, 500),
        data.text("message_preview", 10_000),
        data.url("thread_url"));
  }

  @Override
  public Collection<UserId> users(Created event) {
    return event.recipients();
  }

  @Override
  public List<Planned> plan(String eventId, Created event, Recipients recipients) {
    List<Planned> out = new ArrayList<>();
    Template body = body(event);
    List<UserId> ordered =
        event.recipients().stream().distinct().sorted(Comparator.comparing(UserId::value)).toList();
    for (UserId user : ordered) {
      var candidate =
          recipients
              .candidate(user, MessageType.DIRECT_MESSAGE, Category.DIRECT_MESSAGES, null)
              .inThread(event.threadId())
              .triggeredBy(event.sender());
      if (user.equals(event.sender())) {
        out.add(Planned.skip(candidate, "own_message"));
        continue;
      }
      var text =
          new OutgoingText(
              "dm:" + event.messageId() + ":" + user.value(),
              body,
              "DirectMessageThread",
              event.threadId(),
              Priority.NORMAL,
              Duration.ofHours(1));
      out.add(Planned.send(candidate, text));
    }
    return out;
  }

  /** The plan's text; the preview is already cut as the plan words it, so it has no cap left. */
  static Template body(Created event) {
    return Template.builder()
        .user(event.senderName(), 40)
        .fixed(" sent you a message: \"")
        .user(Texts.preview(event.preview(), PREVIEW_CODE_POINTS), Integer.MAX_VALUE)
        .fixed("\"\n\nReply: " + event.threadUrl())
        .build();
  }
}
