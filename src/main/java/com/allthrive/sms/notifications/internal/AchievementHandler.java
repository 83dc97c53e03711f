package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.notifications.NotificationsSettings;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code achievement.unlocked}: the plan's "Achievement Unlocked" text to the user. */
@Component
class AchievementHandler implements EventHandler<AchievementHandler.Unlocked> {

  record Unlocked(UserId user, String achievementId, String name, int points) {}

  private final NotificationsSettings settings;

  AchievementHandler(NotificationsSettings settings) {
    this.settings = settings;
  }

  @Override
  public String type() {
    return "achievement.unlocked";
  }

  @Override
  public Unlocked parse(Fields data) {
    return new Unlocked(
        data.userId("user_id"),
        data.id("achievement_id"),
        data.text("achievement_name", 200),
        data.integer("points", 0, 1_000_000));
  }

  @Override
  public Collection<UserId> users(Unlocked event) {
    return List.of(event.user());
  }

  @Override
  public List<Planned> plan(String eventId, Unlocked event, Recipients recipients) {
    var candidate =
        recipients.candidate(
            event.user(), MessageType.ACHIEVEMENT_UNLOCK, Category.ACHIEVEMENT_UNLOCKS, null);
    Template body =
        Template.builder()
            .fixed("Achievement Unlocked: ")
            .user(event.name(), 60)
            .fixed(
                "! +"
                    + event.points()
                    + " points\n\nView all achievements: "
                    + settings.frontendUrl()
                    + "/achievements")
            .build();
    var text =
        new OutgoingText(
            "achievement:" + event.user().value() + ":" + event.achievementId(),
            body,
            "UserAchievement",
            event.achievementId(),
            Priority.LOW,
            Duration.ofHours(24));
    return List.of(Planned.send(candidate, text));
  }
}
