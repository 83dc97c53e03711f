package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.shared.PersonalData;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account row is deleted on erasure. */
@Configuration(proxyBeanMethods = false)
class AccountTables {

  @Bean
  PersonalData accountsPersonalData() {
    return new PersonalData(Map.of("account", PersonalData.Erasure.DELETED));
  }
}
