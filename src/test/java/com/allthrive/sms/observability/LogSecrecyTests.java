package com.allthrive.sms.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.JwtFixtures;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.support.FakeTwilio;
import com.allthrive.sms.support.PlatformCalls;
import com.allthrive.sms.support.TestDatabases;
import com.allthrive.sms.support.TestKeys;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The logs of a full flow (a code requested and verified, an event, a text sent, STOP), at debug
 * level for the service, hold no full number, no code and no secret.
 */
@SpringBootTest(properties = "logging.level.com.allthrive=DEBUG")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LogSecrecyTests {

  static final FakeTwilio twilio = FakeTwilio.shared();
  static final String ADA = "log-ada-41";
  static final String ADA_PHONE = "+12025557601";
  static final String NEW_PHONE = "+12125557602";

  @Autowired MockMvcTester mvc;
  @Autowired Accounts accounts;
  @Autowired InboundSmsHandler inbound;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
    twilio.configure(registry);
  }

  @Test
  void aFullFlowLogsNoNumberCodeOrSecret(CapturedOutput output) {
    twilio.reset();
    PlatformCalls platform = new PlatformCalls(mvc, accounts);
    platform.verifiedUser(ADA, ADA_PHONE);
    post("/api/v1/users/phone/request-verification", "{\"phone_number\":\"" + NEW_PHONE + "\"}");
    await().atMost(Duration.ofSeconds(60)).until(() -> twilio.sendsTo(NEW_PHONE).size() == 1);
    String code = codeIn(twilio.sendsTo(NEW_PHONE).get(0).get("Body"));
    post("/api/v1/users/phone/verify", "{\"code\":\"" + code + "\"}");
    assertThat(
            platform.event(
                "achievement.unlocked",
                "{\"user_id\":\""
                    + ADA
                    + "\",\"achievement_id\":\"l1\","
                    + "\"achievement_name\":\"Quiet\",\"points\":1}"))
        .hasStatus(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> twilio.sendsTo(NEW_PHONE).size() == 2);
    inbound.handle(new InboundSms(new PhoneNumber(NEW_PHONE), "STOP", null, "SMlog41"));

    assertThat(output.getAll())
        .contains("log-ada-41")
        .doesNotContain("2025557601", "2125557602", code)
        .doesNotContain(TestKeys.PLATFORM_KEY, TestKeys.ADMIN_KEY, FakeTwilio.AUTH_TOKEN)
        .doesNotContain("test-secret-key-of-at-least", "test-jwt-secret-that-is");
  }

  private void post(String path, String body) {
    assertThat(
            mvc.post()
                .uri(path)
                .header("Authorization", "Bearer " + JwtFixtures.token(ADA))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .hasStatus2xxSuccessful();
  }

  private static String codeIn(String body) {
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
