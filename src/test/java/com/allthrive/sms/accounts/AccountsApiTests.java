package com.allthrive.sms.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.TestDatabases;
import com.allthrive.sms.support.TestKeys;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Who may call what, the platform's provisioning and erasure, and the user's own number. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountsApiTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired Accounts accounts;
  @Autowired TransactionTemplate tx;

  @Test
  void thePlatformProvisionsAndUpdatesAUser() {
    var created =
        upsert(
            "p-1",
            "{\"username\":\"ann\",\"display_name\":\"Ann\",\"timezone\":\"Europe/Paris\","
                + "\"phone_number\":\"(202) 555-0101\"}");
    var updated = upsert("p-1", "{\"username\":\"ann2\",\"timezone\":\"America/Chicago\"}");

    assertThat(created).hasStatusOk();
    assertThat(created).bodyJson().extractingPath("$.phone_number").isEqualTo("+12025550101");
    assertThat(created).bodyJson().extractingPath("$.phone_verified").isEqualTo(false);
    assertThat(updated).bodyJson().extractingPath("$.username").isEqualTo("ann2");
    assertThat(updated).bodyJson().extractingPath("$.timezone").isEqualTo("America/Chicago");
    assertThat(updated).bodyJson().extractingPath("$.phone_number").isEqualTo("+12025550101");
  }

  @Test
  void aDifferentNumberFromThePlatformIsUnverified() {
    upsert("p-2", "{\"username\":\"bea\",\"phone_number\":\"+12025550102\"}");
    verify("p-2", "+12025550102");

    var same = upsert("p-2", "{\"username\":\"bea\",\"phone_number\":\"+12025550102\"}");
    var changed = upsert("p-2", "{\"username\":\"bea\",\"phone_number\":\"+12025550103\"}");

    assertThat(same).bodyJson().extractingPath("$.phone_verified").isEqualTo(true);
    assertThat(changed).bodyJson().extractingPath("$.phone_verified").isEqualTo(false);
    assertThat(changed).bodyJson().extractingPath("$.phone_verified_at").isNull();
  }

  @Test
  void badProvisioningIsRefusedAndSavesNothing() {
    assertCode(
        upsert("p-3", "{\"username\":\"c\",\"timezone\":\"+02:00\"}"), 400, "invalid_timezone");
    assertCode(
        upsert("p-3", "{\"username\":\"c\",\"phone_number\":\"12\"}"), 400, "invalid_phone_number");
    assertCode(upsert("p-3", "{\"timezone\":\"UTC\"}"), 400, "invalid_request");
    assertCode(upsert("not valid!", "{\"username\":\"c\"}"), 400, "invalid_user_id");
    assertCode(upsert("p-3", "{\"username\":"), 400, "malformed_body");
    assertThat(accounts.find(new UserId("p-3"))).isEmpty();
  }

  @Test
  void platformPathsNeedThePlatformKey() {
    String body = "{\"username\":\"d\"}";

    var noKey =
        mvc.put()
            .uri("/api/v1/platform/users/p-4")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    var wrongKey =
        mvc.put()
            .uri("/api/v1/platform/users/p-4")
            .header("X-Api-Key", "test-platform-kez")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    var userToken =
        mvc.put()
            .uri("/api/v1/platform/users/p-4")
            .header("Authorization", bearer(JwtFixtures.token("p-4")))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();

    assertCode(noKey, 401, "unauthorized");
    assertCode(wrongKey, 401, "invalid_api_key");
    assertCode(userToken, 403, "forbidden");
    assertThat(accounts.find(new UserId("p-4"))).isEmpty();
  }

  @Test
  void erasureRemovesTheUser() {
    upsert("p-5", "{\"username\":\"e\",\"phone_number\":\"+12025550105\"}");

    var erased =
        mvc.delete()
            .uri("/api/v1/platform/users/p-5")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(erased).hasStatus(204);
    assertCode(
        mvc.get()
            .uri("/api/v1/platform/users/p-5")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange(),
        404,
        "unknown_user");
    assertCode(
        mvc.delete()
            .uri("/api/v1/platform/users/p-5")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange(),
        404,
        "unknown_user");
    assertCode(setPhone("p-5", "+12025550105"), 404, "unknown_user");
  }

  @Test
  void everyBrokenTokenGetsA401Problem() {
    upsert("p-6", "{\"username\":\"f\"}");
    List<Function<String, String>> broken =
        List.of(
            JwtFixtures::expired,
            JwtFixtures::signedWithAnotherKey,
            JwtFixtures::unsigned,
            JwtFixtures::withoutExpiry,
            user -> "not-a-jwt");

    for (var token : broken) {
      var result =
          mvc.put()
              .uri("/api/v1/me/phone")
              .header("Authorization", bearer(token.apply("p-6")))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"phone_number\":\"+12025550106\"}")
              .exchange();
      assertCode(result, 401, "unauthorized");
    }
    assertCode(mvc.delete().uri("/api/v1/me/phone").exchange(), 401, "unauthorized");
    assertThat(accounts.find(new UserId("p-6")).orElseThrow().phoneNumber()).isNull();
  }

  @Test
  void theUsersOwnNumberStartsUnverifiedAndCanBeRemoved() {
    upsert("p-7", "{\"username\":\"g\",\"phone_number\":\"+12025550107\"}");
    verify("p-7", "+12025550107");

    var changed = setPhone("p-7", "+1 202 555 0108");

    assertThat(changed).hasStatusOk();
    assertThat(changed).bodyJson().extractingPath("$.phone_number").isEqualTo("+12025550108");
    assertThat(changed).bodyJson().extractingPath("$.phone_verified").isEqualTo(false);
    assertCode(setPhone("p-7", "+18005550199"), 400, "invalid_phone_number");
    var removed =
        mvc.delete()
            .uri("/api/v1/me/phone")
            .header("Authorization", bearer(JwtFixtures.token("p-7")))
            .exchange();
    assertThat(removed).hasStatus(204);
    var account = accounts.find(new UserId("p-7")).orElseThrow();
    assertThat(account.phoneNumber()).isNull();
    assertThat(account.phoneVerified()).isFalse();
  }

  @Test
  void aTokenOnlyEverActsOnItsOwnUser() {
    upsert("p-8a", "{\"username\":\"h\",\"phone_number\":\"+12025550109\"}");
    upsert("p-8b", "{\"username\":\"i\",\"phone_number\":\"+12025550110\"}");
    String tokenOfA = bearer(JwtFixtures.token("p-8a"));

    var sneaky =
        mvc.put()
            .uri("/api/v1/me/phone?user_id=p-8b")
            .header("Authorization", tokenOfA)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"phone_number\":\"+12025550111\",\"user_id\":\"p-8b\",\"sub\":\"p-8b\"}")
            .exchange();
    var platformPath =
        mvc.get().uri("/api/v1/platform/users/p-8b").header("Authorization", tokenOfA).exchange();
    var erase =
        mvc.delete()
            .uri("/api/v1/platform/users/p-8b")
            .header("Authorization", tokenOfA)
            .exchange();

    assertThat(sneaky).hasStatusOk();
    assertThat(accounts.find(new UserId("p-8a")).orElseThrow().phoneNumber().e164())
        .isEqualTo("+12025550111");
    assertThat(accounts.find(new UserId("p-8b")).orElseThrow().phoneNumber().e164())
        .isEqualTo("+12025550110");
    assertCode(platformPath, 403, "forbidden");
    assertCode(erase, 403, "forbidden");
    assertThat(accounts.find(new UserId("p-8b"))).isPresent();
  }

  @Test
  void adminsUseTheAdminKeyOrATokenWithTheAdminRole() {
    var withKey =
        mvc.get().uri("/actuator/metrics").header("X-Api-Key", TestKeys.ADMIN_KEY).exchange();
    var withRole =
        mvc.get()
            .uri("/actuator/metrics")
            .header("Authorization", bearer(JwtFixtures.adminToken("p-9")))
            .exchange();
    var plainUser =
        mvc.get()
            .uri("/actuator/metrics")
            .header("Authorization", bearer(JwtFixtures.token("p-9")))
            .exchange();
    var platform =
        mvc.get().uri("/actuator/metrics").header("X-Api-Key", TestKeys.PLATFORM_KEY).exchange();

    assertThat(withKey).hasStatusOk();
    assertThat(withRole).hasStatusOk();
    assertCode(plainUser, 403, "forbidden");
    assertCode(platform, 403, "forbidden");
  }

  @Test
  void demoTokensDoNotExistOutsideDemoMode() {
    upsert("p-10", "{\"username\":\"j\"}");

    var result =
        mvc.post()
            .uri("/api/v1/demo/tokens")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"user_id\":\"p-10\"}")
            .exchange();

    assertCode(result, 404, "not_found");
    assertThat(result).bodyJson().doesNotHavePath("$.access_token");
  }

  private MvcTestResult upsert(String id, String body) {
    return mvc.put()
        .uri("/api/v1/platform/users/{id}", id)
        .header("X-Api-Key", TestKeys.PLATFORM_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private MvcTestResult setPhone(String user, String number) {
    return mvc.put()
        .uri("/api/v1/me/phone")
        .header("Authorization", bearer(JwtFixtures.token(user)))
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"phone_number\":\"" + number + "\"}")
        .exchange();
  }

  private void verify(String user, String number) {
    var outcome =
        tx.execute(
            s ->
                accounts.markVerified(
                    new UserId(user),
                    new PhoneNumber(number),
                    Instant.now(),
                    new ConsentEvidence("192.0.2.1", "test", "disclosure")));
    assertThat(outcome).isEqualTo(Accounts.VerifyOutcome.VERIFIED);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static void assertCode(MvcTestResult result, int status, String code) {
    assertThat(result).hasStatus(status);
    assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
  }
}
