package com.allthrive.sms.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.WindowCounter;
import com.allthrive.sms.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Behind a load balancer ({@code server.forward-headers-strategy=framework}) the per-address code
 * limit counts the client the proxy names; without it, a client cannot pick its own address with a
 * header. The setting is read at start, so it holds in the ahead-of-time start too.
 */
class ForwardedHeadersTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  abstract static class Through {
    static final String PROXY = "10.0.0.1";

    @Autowired MockMvcTester mvc;
    @Autowired JsonMapper json;
    @Autowired WindowCounter counter;
    VerificationClient client;

    @BeforeEach
    void client() {
      client = new VerificationClient(mvc, json);
    }

    String codeRequestedFrom(String clientIp) {
      var answer =
          client.requestThroughProxy(
              client.newUser(), VerificationClient.newNumber(), PROXY, clientIp);
      assertThat(answer).hasStatus(202);
      return clientIp;
    }

    long countedFor(String ip) {
      return counter.count("verification:ip:" + ip, Duration.ofHours(1));
    }
  }

  @Nested
  @SpringBootTest(properties = "server.forward-headers-strategy=framework")
  @AutoConfigureMockMvc
  @ActiveProfiles("test")
  @Import(VerificationTestConfiguration.class)
  class BehindAProxy extends Through {

    @Test
    void theLimitCountsTheClientTheProxyNames() {
      String clientIp = codeRequestedFrom("198.51.100.23");
      assertThat(countedFor(clientIp)).isOne();
    }
  }

  @Nested
  @SpringBootTest
  @AutoConfigureMockMvc
  @ActiveProfiles("test")
  @Import(VerificationTestConfiguration.class)
  class Direct extends Through {

    @Test
    void aForwardedHeaderIsNotBelieved() {
      long before = countedFor(PROXY);
      String claimed = codeRequestedFrom(VerificationClient.newIp());
      assertThat(countedFor(claimed)).isZero();
      assertThat(countedFor(PROXY)).isEqualTo(before + 1);
    }
  }
}
