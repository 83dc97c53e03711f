package com.allthrive.sms.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What the platform does in tests: provision users, verify their numbers, report events. */
public final class PlatformCalls {

  private final MockMvcTester mvc;
  private final Accounts accounts;

  public PlatformCalls(MockMvcTester mvc, Accounts accounts) {
    this.mvc = mvc;
    this.accounts = accounts;
  }

  public void provision(String id, String phone) {
    assertThat(
            mvc.put()
                .uri("/api/v1/platform/users/" + id)
                .header("X-Api-Key", TestKeys.PLATFORM_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\""
                        + id
                        + "\",\"timezone\":\"UTC\",\"phone_number\":\""
                        + phone
                        + "\"}"))
        .hasStatusOk();
  }

  /** A provisioned user whose number is verified, with the opt-in that verifying records. */
  public void verifiedUser(String id, String phone) {
    provision(id, phone);
    accounts.markVerified(
        new UserId(id),
        new PhoneNumber(phone),
        Instant.now(),
        new ConsentEvidence("127.0.0.1", "test", "disclosure"));
  }

  /** An event under a fresh idempotency key. */
  public MvcTestResult event(String type, String data) {
    return mvc.post()
        .uri("/api/v1/events")
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\":\"" + type + "\",\"data\":" + data + "}")
        .exchange();
  }
}
