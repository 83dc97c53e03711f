package com.allthrive.sms;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

  @Test
  void modulesOnlyUseEachOthersPublicApi() {
    ApplicationModules.of(SmsApplication.class).verify();
  }
}
