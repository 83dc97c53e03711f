package com.allthrive.sms.verification.internal;

import com.allthrive.sms.shared.PersonalData;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user's code row is deleted on erasure. */
@Configuration(proxyBeanMethods = false)
class VerificationTables {

  @Bean
  PersonalData verificationPersonalData() {
    return new PersonalData(Map.of("phone_verification", PersonalData.Erasure.DELETED));
  }
}
