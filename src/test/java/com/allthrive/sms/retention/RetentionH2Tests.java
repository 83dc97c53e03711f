package com.allthrive.sms.retention;

import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RetentionH2Tests extends RetentionTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
    twilio.configure(registry);
  }
}
