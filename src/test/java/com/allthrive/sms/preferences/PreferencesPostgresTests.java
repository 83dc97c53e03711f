package com.allthrive.sms.preferences;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every preferences integration test on PostgreSQL. */
@RequiresPostgres
class PreferencesPostgresTests extends OptOutTests {

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
  }
}
