package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The platform's challenges: stored with their participants, and their reminders (re)scheduled, in
 * one transaction; a body that does not validate leaves nothing written. Every PUT stores a new
 * version and schedules that version's reminders; a DELETE removes the challenge: either way the
 * reminder runs of what was there before send nothing.
 */
@Service
public class ChallengeReminders {

  /** The answer to a PUT: the challenge and what was scheduled. */
  public record Scheduled(
      String challengeId,
      Instant deadline,
      int participants,
      List<ReminderSchedule.Planned> reminders) {}

  /** The answer to a submission. */
  public record Submitted(String challengeId, String userId, boolean submitted) {}

  static final int MAX_PARTICIPANTS = 200_000;

  private final ChallengeStore store;
  private final ReminderSchedule schedule;
  private final Clock clock;

  ChallengeReminders(ChallengeStore store, ReminderSchedule schedule, Clock clock) {
    this.store = store;
    this.schedule = schedule;
    this.clock = clock;
  }

  @Transactional
  public Scheduled put(String challengeId, JsonNode body) {
    String id = challengeId(challengeId);
    Fields fields = Fields.body(body, "invalid_challenge");
    var challenge =
        new Challenge(
            id,
            fields.text("title", 200),
            fields.url("challenge_url"),
            fields.instant("deadline"),
            0);
    List<UserId> participants =
        List.copyOf(new LinkedHashSet<>(fields.userIds("participant_ids", 0, MAX_PARTICIPANTS)));
    Instant now = clock.instant();
    var saved = store.save(challenge, now);
    store.replaceParticipants(id, participants);
    var planned = schedule.schedule(saved.challenge(), now);
    saved.replaced().ifPresent(version -> schedule.cancel(id, version));
    return new Scheduled(id, challenge.deadline(), participants.size(), planned);
  }

  @Transactional
  public void delete(String challengeId) {
    String id = challengeId(challengeId);
    store.lockedVersion(id).ifPresent(version -> schedule.cancel(id, version));
    store.delete(id);
  }

  @Transactional
  public Submitted submit(String challengeId, String userId) {
    String id = challengeId(challengeId);
    if (!UserId.isValid(userId)) {
      throw ApiProblem.badRequest(
          "invalid_user_id", "user_id must be 1-64 characters of [A-Za-z0-9_.:@-].");
    }
    if (!store.submit(id, new UserId(userId), clock.instant())) {
      throw ApiProblem.notFound(
          "unknown_participant", "No such challenge, or the user does not take part in it.");
    }
    return new Submitted(id, userId, true);
  }

  private static String challengeId(String raw) {
    if (!UserId.isValid(raw)) {
      throw ApiProblem.badRequest(
          "invalid_challenge_id", "challenge_id must be 1-64 characters of [A-Za-z0-9_.:@-].");
    }
    return raw;
  }
}
