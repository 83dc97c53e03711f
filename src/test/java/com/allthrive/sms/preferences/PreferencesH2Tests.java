package com.allthrive.sms.preferences;

import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every preferences integration test on H2. */
class PreferencesH2Tests extends OptOutTests {

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }
}
