package com.allthrive.sms.web.pages;

import com.allthrive.sms.preferences.Category;
import java.util.Arrays;
import java.util.List;

/** The switches of the settings page: the plan's labels and descriptions, in the plan's order. */
record CategoryLabels(String field, String label, String description) {

  private static final List<Category> ORDER =
      List.of(
          Category.DIRECT_MESSAGES,
          Category.BATTLE_RESULTS,
          Category.ACHIEVEMENT_UNLOCKS,
          Category.CHALLENGE_REMINDERS,
          Category.INVITATIONS);

  static List<CategoryLabels> all() {
    var rest = Arrays.stream(Category.values()).filter(c -> !ORDER.contains(c));
    return java.util.stream.Stream.concat(ORDER.stream(), rest).map(CategoryLabels::of).toList();
  }

  private static CategoryLabels of(Category category) {
    return switch (category) {
      case DIRECT_MESSAGES ->
          new CategoryLabels(
              category.field(), "Direct Messages", "Get notified when you receive a new message");
      case BATTLE_RESULTS ->
          new CategoryLabels(
              category.field(), "Battle Results", "Get notified when a battle is judged");
      case ACHIEVEMENT_UNLOCKS ->
          new CategoryLabels(
              category.field(), "Achievements", "Get notified when you unlock achievements");
      case CHALLENGE_REMINDERS ->
          new CategoryLabels(
              category.field(), "Challenge Reminders", "Get reminded before challenge deadlines");
      case INVITATIONS ->
          new CategoryLabels(
              category.field(),
              "Battle Invitations",
              "Get a text when someone invites this number to a battle");
    };
  }
}
