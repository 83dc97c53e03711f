package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.PhoneNumbers;
import com.allthrive.sms.shared.UserId;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code battle.invitation}: a user challenges someone, by phone number, to a prompt battle. */
@Component
class BattleInvitationHandler implements EventHandler<BattleInvitationHandler.Invitation> {

  record Invitation(
      String invitationId,
      UserId inviter,
      String inviterName,
      PhoneNumber to,
      String topic,
      String link) {}

  private final NotificationsSettings settings;

  BattleInvitationHandler(NotificationsSettings settings) {
    this.settings = settings;
  }

  @Override
  public String type() {
    return "battle.invitation";
  }

  @Override
  public Invitation parse(Fields data) {
    var to = PhoneNumbers.parse(data.text("to_phone", 40));
    if (!(to instanceof PhoneNumbers.Valid valid)) {
      throw Fields.invalidData("to_phone", ((PhoneNumbers.Invalid) to).reason());
    }
    return new Invitation(
        data.id("invitation_id"),
        data.userId("inviter_id"),
        data.text("inviter_name", 200),
        valid.number(),
        data.text("battle_topic", 1000),
        data.url("invitation_link"));
  }

  @Override
  public List<Planned> plan(String eventId, Invitation event, Recipients recipients) {
    var candidate =
        new Candidate(
            MessageType.BATTLE_INVITATION,
            Category.INVITATIONS,
            null,
            null,
            event.to(),
            event.inviter(),
            null,
            null);
    var text =
        new OutgoingText(
            "battle-invitation:" + event.invitationId(),
            body(event),
            "BattleInvitation",
            event.invitationId(),
            Priority.NORMAL,
            settings.invitationValidity());
    return List.of(Planned.send(candidate, text));
  }

  private Template body(Invitation event) {
    return Template.builder()
        .user(event.inviterName(), 40)
        .fixed(" has challenged you to a battle on " + settings.brandName() + "!\n\nTopic: ")
        .user(event.topic(), 80)
        .fixed("\n\nAccept the challenge: " + event.link() + "\n\nReply STOP to opt out.")
        .build();
  }
}
