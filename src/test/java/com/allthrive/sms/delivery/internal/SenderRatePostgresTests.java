package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class SenderRatePostgresTests extends SenderRateTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
    settings(registry);
  }
}
