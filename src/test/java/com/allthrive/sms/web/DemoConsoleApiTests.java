package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.support.TestDatabases;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Demo mode shows the outbox in full and answers keywords without Twilio; the log never a code. */
@SpringBootTest(properties = "sms.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DemoConsoleApiTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired JsonMapper json;

  @Test
  void theOutboxShowsTheCodeInFullWhileTheLogNeverDoes(CapturedOutput output) throws Exception {
    String token = token("demo-chloe");

    var sent =
        mvc.post()
            .uri("/api/v1/users/phone/request-verification")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"phone_number\":\"+16135550177\"}")
            .exchange();

    assertThat(sent).hasStatus(202);
    String text = await().atMost(Duration.ofSeconds(10)).until(this::codeText, t -> t != null);
    Matcher code = Pattern.compile("code is: (\\d{6})").matcher(text);
    assertThat(code.find()).isTrue();
    assertThat(output.getAll()).doesNotContain("code is: " + code.group(1));
    assertThat(output.getAll()).contains("+1********77");
  }

  @Test
  void stopFromThePageOptsTheNumberOutWithoutATwilioSignature() throws Exception {
    var stop = inbound("+14155550123", "STOP");

    assertThat(stop).hasStatusOk();
    assertThat(stop).bodyJson().extractingPath("$.reply").asString().contains("unsubscribed");
    var prefs =
        mvc.get()
            .uri("/api/v1/me/sms-preferences")
            .header("Authorization", "Bearer " + token("demo-bob"))
            .exchange();
    assertThat(prefs).bodyJson().extractingPath("$.opted_out").isEqualTo(true);
    var unsigned =
        mvc.post()
            .uri("/webhooks/twilio/inbound")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("From=%2B14155550123&Body=START")
            .exchange();
    assertThat(unsigned).hasStatus(403);
  }

  @Test
  void anInvalidSenderIsABadRequest() {
    assertThat(inbound("not a number", "HELP")).hasStatus(400);
  }

  @Test
  void theStartupNoticeListsPagesKeysAndDemoUsersWithFullNumbers(CapturedOutput output) {
    String notice = output.getAll();

    assertThat(notice).contains("/demo").contains("/settings").contains("/admin");
    assertThat(notice).contains("/swagger-ui.html").contains("test-platform-key");
    assertThat(notice).contains("test-admin-key").contains("demo-alice  +12025550143");
  }

  private org.springframework.test.web.servlet.assertj.MvcTestResult inbound(
      String from, String body) {
    return mvc.post()
        .uri("/api/v1/demo/inbound")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"from\":\"" + from + "\",\"body\":\"" + body + "\"}")
        .exchange();
  }

  private String codeText() throws Exception {
    var outbox = mvc.get().uri("/api/v1/demo/outbox").exchange();
    for (JsonNode text : json.readTree(outbox.getResponse().getContentAsString())) {
      if (text.get("to").asString().equals("+16135550177")) {
        return text.get("body").asString();
      }
    }
    return null;
  }

  private String token(String user) throws Exception {
    var minted =
        mvc.post()
            .uri("/api/v1/demo/tokens")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"user_id\":\"" + user + "\"}")
            .exchange();
    return json.readTree(minted.getResponse().getContentAsString()).get("access_token").asString();
  }
}
