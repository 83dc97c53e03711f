package com.allthrive.sms.notifications.internal;

/**
 * One reminder execution in db-scheduler: a window of one version of a challenge, named {@code
 * <window>@<version>:<challenge id>}. Every PUT gives the challenge a new version, so a new
 * execution never collides with one a scheduler holds; a run whose version is no longer the
 * challenge's sends nothing. Version 0 names the executions scheduled before versions existed
 * ({@code <window>:<challenge id>}).
 */
record ReminderRun(ReminderWindow window, long version, String challengeId) {

  String id() {
    return version == 0
        ? window.code() + ":" + challengeId
        : window.code() + "@" + version + ":" + challengeId;
  }

  /** Reads an instance id; the challenge id may itself hold {@code @} and {@code :}. */
  static ReminderRun parse(String id) {
    int colon = id.indexOf(':');
    String head = id.substring(0, colon);
    int at = head.indexOf('@');
    return at < 0
        ? new ReminderRun(ReminderWindow.of(head), 0, id.substring(colon + 1))
        : new ReminderRun(
            ReminderWindow.of(head.substring(0, at)),
            Long.parseLong(head.substring(at + 1)),
            id.substring(colon + 1));
  }
}
