package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.shared.PersonalData;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Erasure deletes the preferences; consent statements and opt-outs stay with the number only. */
@Configuration(proxyBeanMethods = false)
class PreferenceTables {

  @Bean
  PersonalData preferencesPersonalData() {
    return new PersonalData(
        Map.of(
            "sms_preferences",
            PersonalData.Erasure.DELETED,
            "consent_ledger",
            PersonalData.Erasure.NUMBER_KEPT,
            "opt_out",
            PersonalData.Erasure.NUMBER_KEPT));
  }
}
