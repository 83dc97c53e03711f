package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.AccountErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasure reaches the decisions, the stored answers to events, the user's challenge participation
 * and reminder keys and their debounce slots, in the erasing transaction: decisions keep type,
 * outcome, reason and the masked number without the user id; an event's stored answer names the
 * user as {@code null}, so a replay of its key answers without them. The answers are searched by
 * text; they are kept only for the event retention (7 days), so the scan stays small.
 */
@Component
class NotificationsErasure {

  private final JdbcClient jdbc;

  NotificationsErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(AccountErased event) {
    String user = event.user().value();
    jdbc.sql("update notification_decision set user_id = null where user_id = :user")
        .param("user", user)
        .update();
    for (String table :
        new String[] {"challenge_participant", "challenge_reminder", "dm_debounce"}) {
      jdbc.sql("delete from " + table + " where user_id = :user").param("user", user).update();
    }
    String named = "\"user_id\":\"" + user + "\"";
    jdbc.sql(
            "update platform_event set response = replace(response, :named, :erased)"
                + " where response like :pattern")
        .param("named", named)
        .param("erased", "\"user_id\":null")
        .param("pattern", "%" + named + "%")
        .update();
  }
}
