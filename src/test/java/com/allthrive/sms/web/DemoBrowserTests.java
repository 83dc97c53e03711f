package com.allthrive.sms.web;

import com.allthrive.sms.support.Browser;
import com.allthrive.sms.support.RequiresChromium;
import com.allthrive.sms.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages of a service in demo mode on H2, in a real Chromium shared by a class's tests. Each
 * class has a service and a database of its own: the demo users it changes are its own.
 */
@RequiresChromium
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sms.demo=true")
@ActiveProfiles("test")
abstract class DemoBrowserTests {

  static Browser browser;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
