package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.SmsOutbox;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides a page of a reminder's participants: claims their window, then decides them all at once
 * ({@link PageDecider}), their texts held until the run ends. Runs in the caller's transaction;
 * when the day's spend cap would not take the page's messages it throws {@link
 * SmsOutbox.BudgetExceeded}, and the caller rolls back and calls {@link #decideOneByOne}.
 */
@Component
class ReminderPage {

  private final ChallengeStore challenges;
  private final Recipients recipients;
  private final PageDecider decider;
  private final ReminderTexts texts;
  private final Clock clock;

  ReminderPage(
      ChallengeStore challenges,
      Recipients recipients,
      PageDecider decider,
      ReminderTexts texts,
      Clock clock) {
    this.challenges = challenges;
    this.recipients = recipients;
    this.decider = decider;
    this.texts = texts;
    this.clock = clock;
  }

  void decide(Challenge challenge, ReminderWindow window, String eventId, List<UserId> page) {
    List<UserId> claimed = challenges.claimAll(challenge.id(), page, window, clock.instant());
    if (!claimed.isEmpty()) {
      decider.decide(items(challenge, window, eventId, claimed), true);
    }
  }

  /** The page one participant at a time: when the day's spend cap refuses the page whole. */
  void decideOneByOne(
      Challenge challenge, ReminderWindow window, String eventId, List<UserId> page) {
    var now = clock.instant();
    List<UserId> claimed =
        page.stream().filter(u -> challenges.claim(challenge.id(), u, window, now)).toList();
    if (!claimed.isEmpty()) {
      decider.decideOneByOne(items(challenge, window, eventId, claimed));
    }
  }

  private List<PageDecider.Item> items(
      Challenge challenge, ReminderWindow window, String eventId, List<UserId> users) {
    List<Candidate> candidates =
        recipients.candidates(
            users,
            MessageType.CHALLENGE_REMINDER,
            Category.CHALLENGE_REMINDERS,
            challenge.deadline());
    List<PageDecider.Item> items = new ArrayList<>(users.size());
    for (int i = 0; i < users.size(); i++) {
      UserId user = users.get(i);
      items.add(
          new PageDecider.Item(
              eventId,
              Planned.send(
                  candidates.get(i),
                  ReminderTexts.key(challenge, window, user),
                  sendAt -> texts.text(challenge, window, user, sendAt))));
    }
    return items;
  }
}
