package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.notifications.NotificationsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan's three security alerts. */
@Configuration(proxyBeanMethods = false)
class SecurityAlerts {

  @Bean
  SecurityAlertHandler passwordChanged(NotificationsSettings s) {
    return new SecurityAlertHandler(
        "security.password_changed",
        false,
        a -> Template.fixed("Your " + s.brandName() + " password was changed."));
  }

  @Bean
  SecurityAlertHandler emailChanged(NotificationsSettings s) {
    return new SecurityAlertHandler(
        "security.email_changed",
        false,
        a -> Template.fixed("Your " + s.brandName() + " email was changed."));
  }

  @Bean
  SecurityAlertHandler newLogin(NotificationsSettings s) {
    return new SecurityAlertHandler(
        "security.new_login",
        true,
        a ->
            Template.builder()
                .fixed("New login to your " + s.brandName() + " account from ")
                .user(a.details(), 80)
                .fixed(".")
                .build());
  }
}
