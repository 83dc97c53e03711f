package com.allthrive.sms.retention;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class ErasureCoveragePostgresTests extends ErasureCoverageTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
    twilio.configure(registry);
  }
}
