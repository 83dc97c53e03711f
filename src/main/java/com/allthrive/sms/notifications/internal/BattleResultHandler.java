package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code battle.completed}: each participant learns whether they won, lost or tied. */
@Component
class BattleResultHandler implements EventHandler<BattleResultHandler.Completed> {

  record Participant(UserId user, String username) {}

  record Completed(
      String battleId,
      String topic,
      String url,
      List<Participant> participants,
      UserId winner,
      boolean tie) {}

  @Override
  public String type() {
    return "battle.completed";
  }

  @Override
  public Completed parse(Fields data) {
    List<Participant> participants = new ArrayList<>();
    for (Fields p : data.objects("participants", 2, 2)) {
      participants.add(new Participant(p.userId("user_id"), p.text("username", 150)));
    }
    if (participants.get(0).user().equals(participants.get(1).user())) {
      throw Fields.invalidData("participants", "must be two different users");
    }
    UserId winner = data.optionalUserId("winner_id");
    boolean tie = data.bool("tie");
    if (tie == (winner != null)
        || (winner != null && participants.stream().noneMatch(p -> p.user().equals(winner)))) {
      throw Fields.invalidData(
          "winner_id", "must be one of the participants, or null when tie is true");
    }
    return new Completed(
        data.id("battle_id"),
        data.text("battle_topic", 1000),
        data.url("battle_url"),
        participants,
        winner,
        tie);
  }

  @Override
  public Collection<UserId> users(Completed event) {
    return event.participants().stream().map(Participant::user).toList();
  }

  @Override
  public List<Planned> plan(String eventId, Completed event, Recipients recipients) {
    List<Planned> decisions = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Participant me = event.participants().get(i);
      Participant opponent = event.participants().get(1 - i);
      var candidate =
          recipients.candidate(me.user(), MessageType.BATTLE_RESULT, Category.BATTLE_RESULTS, null);
      var text =
          new OutgoingText(
              "battle-result:" + event.battleId() + ":" + me.user().value(),
              body(event, me, opponent.username()),
              "PromptBattle",
              event.battleId(),
              Priority.NORMAL,
              Duration.ofHours(24));
      decisions.add(Planned.send(candidate, text));
    }
    return decisions;
  }

  private static Template body(Completed event, Participant me, String opponent) {
    var text = Template.builder();
    if (event.tie()) {
      text.fixed("Your battle against ").user(opponent, 40).fixed(" was a tie!");
    } else if (me.user().equals(event.winner())) {
      text.fixed("You WON your battle against ").user(opponent, 40).fixed("!");
    } else {
      text.fixed("You lost your battle against ").user(opponent, 40).fixed(".");
    }
    return text.fixed("\n\nTopic: ")
        .user(event.topic(), 50)
        .fixed("\nView results: " + event.url())
        .build();
  }
}
