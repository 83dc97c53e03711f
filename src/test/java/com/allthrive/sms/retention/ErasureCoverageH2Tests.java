package com.allthrive.sms.retention;

import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ErasureCoverageH2Tests extends ErasureCoverageTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
    twilio.configure(registry);
  }
}
