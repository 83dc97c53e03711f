package com.allthrive.sms.observability;

import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ObservabilityH2Tests extends ObservabilityTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
    twilio.configure(registry);
  }
}
