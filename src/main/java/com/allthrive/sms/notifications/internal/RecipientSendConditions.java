package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.AccountSql;
import com.allthrive.sms.delivery.SendCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rule 1 of the policy, decided again when a message is sent: its recipient still exists, and still
 * has the message's number verified. Invitations go to a raw number (no recipient), and a
 * verification code goes to the number being verified, so they skip the second check.
 */
@Configuration(proxyBeanMethods = false)
class RecipientSendConditions {

  @Bean
  SendCondition recipientExists() {
    return SendCondition.of(
        "unknown_recipient",
        20,
        "m.recipient_user_id is null or " + AccountSql.exists("m.recipient_user_id"));
  }

  @Bean
  SendCondition numberStillVerified() {
    return SendCondition.of(
        "number_changed",
        25,
        "m.recipient_user_id is null or m.message_type = 'phone_verification' or "
            + AccountSql.hasVerified("m.recipient_user_id", "m.to_phone"));
  }
}
