package com.allthrive.sms.observability;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class ObservabilityPostgresTests extends ObservabilityTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
    twilio.configure(registry);
  }
}
