package com.allthrive.sms.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.TokenMinter;
import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.TestKeys;
import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Provisions users through the platform API and calls the preferences API as them. */
record PreferencesFixtures(MockMvcTester mvc, TokenMinter tokens) {

  static final String PREFERENCES = "/api/v1/me/sms-preferences";
  static final String HISTORY = "/api/v1/me/consent-history";

  void provision(String userId, String timezone, String phone) {
    String phoneMember = phone == null ? "" : ", \"phone_number\": \"" + phone + "\"";
    var result =
        mvc.put()
            .uri("/api/v1/platform/users/{id}", userId)
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"username\": \""
                    + userId
                    + "\", \"timezone\": \""
                    + timezone
                    + "\""
                    + phoneMember
                    + "}")
            .exchange();
    assertThat(result).hasStatusOk();
  }

  MvcTestResult get(String userId, String path) {
    return mvc.get().uri(path).header("Authorization", bearer(userId)).exchange();
  }

  /** The {@code opted_out} member of the user's preferences, as GET answers it. */
  boolean optedOut(String userId) {
    var result = get(userId, PREFERENCES);
    assertThat(result).hasStatusOk();
    try {
      return JsonPath.read(result.getResponse().getContentAsString(), "$.opted_out");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  MvcTestResult patch(String userId, String body) {
    return mvc.patch()
        .uri(PREFERENCES)
        .header("Authorization", bearer(userId))
        .header("User-Agent", "FixtureBrowser/1.0")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  MvcTestResult adminHistory(String phone) {
    return mvc.get()
        .uri("/api/v1/admin/consent-history")
        .queryParam("phone_number", phone)
        .header("X-Api-Key", TestKeys.ADMIN_KEY)
        .exchange();
  }

  String bearer(String userId) {
    return "Bearer " + tokens.mint(new UserId(userId), Duration.ofMinutes(10), List.of());
  }

  static InboundSms text(String from, String body) {
    return new InboundSms(new PhoneNumber(from), body, null, "SM" + Math.abs(body.hashCode()));
  }
}
