package com.allthrive.sms.notifications.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The body of {@code POST /api/v1/events} as the API description shows it: one schema per event
 * type. Only documentation; the intake reads the body itself and names the failing member.
 */
final class EventSchemas {

  private EventSchemas() {}

  static final String INVITATION =
      """
      {"type": "battle.invitation", "data": {"invitation_id": "inv-123", "inviter_id": "42",
       "inviter_name": "Ada", "to_phone": "+12025550123", "battle_topic": "Best haiku prompt",
       "invitation_link": "https://allthrive.ai/battles/invite/inv-123"}}""";
  static final String DIRECT_MESSAGE =
      """
      {"type": "direct_message.created", "data": {"thread_id": "t-9", "message_id": "m-77",
       "sender_id": "42", "sender_name": "Ada", "recipient_ids": ["43"],
       "message_preview": "Are you joining tonight?", "thread_url": "https://allthrive.ai/messages/t-9"}}""";
  static final String BATTLE_COMPLETED =
      """
      {"type": "battle.completed", "data": {"battle_id": "b-5", "battle_topic": "Logo remix",
       "battle_url": "https://allthrive.ai/battles/b-5",
       "participants": [{"user_id": "42", "username": "ada"}, {"user_id": "43", "username": "bob"}],
       "winner_id": "42", "tie": false}}""";
  static final String ACHIEVEMENT =
      """
      {"type": "achievement.unlocked", "data": {"user_id": "42", "achievement_id": "first-win",
       "achievement_name": "First Battle Won", "points": 50}}""";
  static final String PASSWORD_CHANGED =
      """
      {"type": "security.password_changed", "data": {"user_id": "42"}}""";
  static final String EMAIL_CHANGED =
      """
      {"type": "security.email_changed", "data": {"user_id": "42"}}""";
  static final String NEW_LOGIN =
      """
      {"type": "security.new_login", "data": {"user_id": "42", "details": "Chrome on macOS, Berlin"}}""";

  @Schema(name = "BattleInvitationEvent", description = "Invite a phone number to a battle.")
  record BattleInvitation(
      @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "battle.invitation")
          String type,
      @Schema(requiredMode = RequiredMode.REQUIRED) InvitationData data) {}

  record InvitationData(
      @Schema(requiredMode = RequiredMode.REQUIRED) String invitationId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String inviterId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String inviterName,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "E.164 or national format")
          String toPhone,
      @Schema(requiredMode = RequiredMode.REQUIRED) String battleTopic,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri") String invitationLink) {}

  @Schema(name = "DirectMessageEvent", description = "A direct message to one or more users.")
  record DirectMessage(
      @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "direct_message.created")
          String type,
      @Schema(requiredMode = RequiredMode.REQUIRED) DirectMessageData data) {}

  record DirectMessageData(
      @Schema(requiredMode = RequiredMode.REQUIRED) String threadId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String messageId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String senderId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String senderName,
      @Schema(requiredMode = RequiredMode.REQUIRED) List<String> recipientIds,
      @Schema(requiredMode = RequiredMode.REQUIRED) String messagePreview,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri") String threadUrl) {}

  @Schema(name = "BattleCompletedEvent", description = "A battle was judged: a winner or a tie.")
  record BattleCompleted(
      @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "battle.completed")
          String type,
      @Schema(requiredMode = RequiredMode.REQUIRED) BattleData data) {}

  record BattleData(
      @Schema(requiredMode = RequiredMode.REQUIRED) String battleId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String battleTopic,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri") String battleUrl,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "exactly two")
          List<Participant> participants,
      @Schema(nullable = true, description = "null when tie is true") String winnerId,
      @Schema(requiredMode = RequiredMode.REQUIRED) boolean tie) {}

  record Participant(
      @Schema(requiredMode = RequiredMode.REQUIRED) String userId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String username) {}

  @Schema(name = "AchievementUnlockedEvent", description = "A user unlocked an achievement.")
  record Achievement(
      @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "achievement.unlocked")
          String type,
      @Schema(requiredMode = RequiredMode.REQUIRED) AchievementData data) {}

  record AchievementData(
      @Schema(requiredMode = RequiredMode.REQUIRED) String userId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String achievementId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String achievementName,
      @Schema(requiredMode = RequiredMode.REQUIRED) int points) {}

  @Schema(
      name = "SecurityAlertEvent",
      description = "A security event; the text goes out even if categories are off.")
  record SecurityAlert(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {
                "security.password_changed",
                "security.email_changed",
                "security.new_login"
              })
          String type,
      @Schema(requiredMode = RequiredMode.REQUIRED) SecurityData data) {}

  record SecurityData(
      @Schema(requiredMode = RequiredMode.REQUIRED) String userId,
      @Schema(description = "security.new_login only: where and how") String details) {}
}
