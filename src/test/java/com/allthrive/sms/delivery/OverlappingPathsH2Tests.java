package com.allthrive.sms.delivery;

import com.allthrive.sms.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OverlappingPathsH2Tests extends OverlappingPathsTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
    settings(registry);
  }
}
