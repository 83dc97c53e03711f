package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.accounts.AccountSql;
import com.allthrive.sms.delivery.SendCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The preferences a message must still meet when it is sent (DESIGN section 3, decided again at
 * send time): the number is not opted out (everything, security alerts included); the recipient's
 * latest consent statement for the number is an opt-in (messages to a user, verification codes
 * aside: they ask for the consent); the category is still on (security alerts and codes have none;
 * an invitation to a raw number is refused when any account using the number switched invitations
 * off).
 */
@Configuration(proxyBeanMethods = false)
class PreferenceSendConditions {

  @Bean
  SendCondition notOptedOut() {
    return SendCondition.of(
        "opted_out", 10, "not exists (select 1 from opt_out o where o.phone_number = m.to_phone)");
  }

  @Bean
  SendCondition consentHeld() {
    return SendCondition.of(
        "no_consent",
        30,
        """
        m.recipient_user_id is null or m.message_type = 'phone_verification'
          or (select c.action from consent_ledger c
              where c.user_id = m.recipient_user_id and c.phone_number = m.to_phone
                and c.action in ('opt_in', 'opt_out', 'number_changed', 'number_removed')
              order by c.id desc limit 1) = 'opt_in'""");
  }

  @Bean
  SendCondition categoryOn() {
    return SendCondition.of(
        "category_off",
        40,
        """
        not exists (select 1 from sms_preferences p
          where p.user_id = m.recipient_user_id and not (case m.message_type
            when 'battle_invitation' then p.allow_sms_invitations
            when 'direct_message' then p.allow_sms_dm_notifications
            when 'battle_result' then p.allow_sms_battle_results
            when 'achievement_unlock' then p.allow_sms_achievement_unlocks
            when 'challenge_reminder' then p.allow_sms_challenge_reminders
            else true end))
        and (m.recipient_user_id is not null or m.message_type <> 'battle_invitation'
          or not exists (select 1 from sms_preferences p
            where p.allow_sms_invitations = false and \
        """
            + AccountSql.uses("p.user_id", "m.to_phone")
            + "))");
  }
}
