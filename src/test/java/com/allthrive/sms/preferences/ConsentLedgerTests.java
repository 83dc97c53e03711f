package com.allthrive.sms.preferences;

import static com.allthrive.sms.preferences.PreferencesFixtures.HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts.VerifyOutcome;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.support.TestKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The consent ledger: what each action writes, who may read it, and erasure. */
abstract class ConsentLedgerTests extends PreferencesApiTests {

  static final String DISCLOSURE = "Reply STOP to opt out. Msg & data rates may apply.";
  static final ConsentEvidence EVIDENCE =
      new ConsentEvidence("203.0.113.7", "Mozilla/5.0 (Test)", DISCLOSURE);

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void verifyingTheNumberIsTheOptInAndKeepsItsEvidence() {
    fx.provision("led-verify", "UTC", "+16175550101");

    var outcome = verify("led-verify", "+16175550101");

    assertThat(outcome).isEqualTo(VerifyOutcome.VERIFIED);
    assertThat(fx.get("led-verify", HISTORY))
        .bodyJson()
        .isLenientlyEqualTo(
            """
        [{"action": "opt_in", "method": "web", "phone_number": "+16175550101",
          "user_id": "led-verify", "category": null, "ip": "203.0.113.7",
          "user_agent": "Mozilla/5.0 (Test)",
          "disclosure_text": "Reply STOP to opt out. Msg & data rates may apply."}]""");
    assertThat(consents("led-verify", "+16175550101")).isTrue();
  }

  @Test
  void switchingACategoryOffDoesNotWithdrawConsentForTheNumber() {
    fx.provision("led-keep", "UTC", "+16175550114");
    verify("led-keep", "+16175550114");

    fx.patch("led-keep", "{\"allow_sms_dm_notifications\": false}");

    assertThat(consents("led-keep", "+16175550114")).isTrue();
  }

  @Test
  void noRecordMeansNoConsent() {
    fx.provision("led-unverified", "UTC", "+16175550102");

    assertThat(consents("led-unverified", "+16175550102")).isFalse();
    assertThat(fx.get("led-unverified", HISTORY)).bodyJson().isEqualTo("[]");
  }

  @Test
  void aVerificationThatRollsBackLeavesNoConsentBehind() {
    fx.provision("led-rollback", "UTC", "+16175550103");

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              verify("led-rollback", "+16175550103");
              tx.setRollbackOnly();
            });

    assertThat(fx.get("led-rollback", HISTORY)).bodyJson().isEqualTo("[]");
    assertThat(consents("led-rollback", "+16175550103")).isFalse();
  }

  @Test
  void switchingACategoryOffAndOnWritesOneRowForEachRealChange() {
    fx.provision("led-category", "UTC", "+16175550104");

    fx.patch("led-category", "{\"allow_sms_battle_results\": false}");
    fx.patch("led-category", "{\"allow_sms_battle_results\": false}");
    fx.patch(
        "led-category", "{\"allow_sms_battle_results\": true, \"allow_sms_invitations\": true}");

    assertThat(fx.get("led-category", HISTORY))
        .bodyJson()
        .isLenientlyEqualTo(
            """
        [{"action": "category_on", "category": "battle_results", "method": "web",
          "phone_number": "+16175550104", "ip": "127.0.0.1", "user_agent": "FixtureBrowser/1.0"},
         {"action": "category_off", "category": "battle_results", "method": "web"}]""");
    assertThat(fx.get("led-category", HISTORY))
        .bodyJson()
        .extractingPath("$[*].action")
        .isEqualTo(List.of("category_on", "category_off"));
  }

  @Test
  void changingTheNumberEndsTheOldNumbersConsent() {
    fx.provision("led-change", "UTC", "+16175550105");
    verify("led-change", "+16175550105");

    var result = setMyPhone("led-change", "+16175550106");

    assertThat(result).isEqualTo(200);
    assertThat(fx.get("led-change", HISTORY))
        .bodyJson()
        .isLenientlyEqualTo(
            """
        [{"action": "number_changed", "method": "web", "phone_number": "+16175550105"},
         {"action": "opt_in", "method": "web", "phone_number": "+16175550105"}]""");
    assertThat(fx.get("led-change", HISTORY))
        .bodyJson()
        .extractingPath("$[*].action")
        .isEqualTo(List.of("number_changed", "opt_in"));
    assertThat(consents("led-change", "+16175550105")).isFalse();
  }

  @Test
  void removingTheNumberEndsItsConsent() {
    fx.provision("led-remove", "UTC", "+16175550107");
    verify("led-remove", "+16175550107");

    var status =
        mvc.delete()
            .uri("/api/v1/me/phone")
            .header("Authorization", fx.bearer("led-remove"))
            .exchange();

    assertThat(status).hasStatus(204);
    assertThat(fx.get("led-remove", HISTORY))
        .bodyJson()
        .extractingPath("$[0].action")
        .isEqualTo("number_removed");
    assertThat(consents("led-remove", "+16175550107")).isFalse();
  }

  @Test
  void aNumberChangedByThePlatformIsRecordedAsApi() {
    fx.provision("led-platform", "UTC", "+16175550108");
    verify("led-platform", "+16175550108");

    fx.provision("led-platform", "UTC", "+16175550109");

    assertThat(fx.get("led-platform", HISTORY))
        .bodyJson()
        .isLenientlyEqualTo(
            """
        [{"action": "number_changed", "method": "api", "phone_number": "+16175550108"},
         {"action": "opt_in", "method": "web", "phone_number": "+16175550108"}]""");
  }

  @Test
  void consentHistoryShowsOnlyTheCallersRows() {
    fx.provision("led-alice", "UTC", "+16175550110");
    fx.provision("led-bob", "UTC", "+16175550111");
    fx.patch("led-alice", "{\"allow_sms_invitations\": false}");
    fx.patch("led-bob", "{\"allow_sms_achievement_unlocks\": false}");

    var alice = fx.get("led-alice", HISTORY);
    var bob = fx.get("led-bob", HISTORY);

    assertThat(alice).bodyJson().extractingPath("$[*].user_id").isEqualTo(List.of("led-alice"));
    assertThat(alice).bodyJson().extractingPath("$[0].category").isEqualTo("invitations");
    assertThat(bob).bodyJson().extractingPath("$[*].user_id").isEqualTo(List.of("led-bob"));
  }

  @Test
  void adminsReadTheHistoryOfANumberWithTheAdminKeyOnly() {
    fx.provision("led-admin", "UTC", "+16175550112");
    verify("led-admin", "+16175550112");

    var asAdmin = fx.adminHistory("+16175550112");
    var asUser =
        mvc.get()
            .uri("/api/v1/admin/consent-history?phone_number=%2B16175550112")
            .header("Authorization", fx.bearer("led-admin"))
            .exchange();
    var asPlatform =
        mvc.get()
            .uri("/api/v1/admin/consent-history?phone_number=%2B16175550112")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(asAdmin)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$[*].user_id")
        .isEqualTo(List.of("led-admin"));
    assertThat(asUser).hasStatus(403);
    assertThat(asPlatform).hasStatus(403);
    assertThat(fx.adminHistory("not a number"))
        .hasStatus(400)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void erasureDeletesThePreferencesAndAnonymizesTheLedger() {
    fx.provision("led-erase", "UTC", "+16175550113");
    verify("led-erase", "+16175550113");
    fx.patch("led-erase", "{\"allow_sms_battle_results\": false}");

    var result =
        mvc.delete()
            .uri("/api/v1/platform/users/{id}", "led-erase")
            .header("X-Api-Key", TestKeys.PLATFORM_KEY)
            .exchange();

    assertThat(result).hasStatus(204);
    assertThat(
            jdbc.sql("select count(*) from sms_preferences where user_id = 'led-erase'")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(fx.adminHistory("+16175550113"))
        .bodyJson()
        .isLenientlyEqualTo(
            """
        [{"action": "category_off", "user_id": null, "ip": null, "user_agent": null},
         {"action": "opt_in", "user_id": null, "ip": null, "user_agent": null,
          "disclosure_text": "Reply STOP to opt out. Msg & data rates may apply."}]""");
    assertThat(fx.adminHistory("+16175550113"))
        .bodyJson()
        .extractingPath("$[*].action")
        .isEqualTo(List.of("category_off", "opt_in"));
  }

  VerifyOutcome verify(String user, String phone) {
    Instant at = Instant.parse("2025-06-01T12:00:00Z");
    return accounts.markVerified(new UserId(user), new PhoneNumber(phone), at, EVIDENCE);
  }

  boolean consents(String user, String phone) {
    return preferences.hasConsent(new UserId(user), new PhoneNumber(phone));
  }

  int setMyPhone(String user, String phone) {
    return mvc.put()
        .uri("/api/v1/me/phone")
        .header("Authorization", fx.bearer(user))
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"phone_number\": \"" + phone + "\"}")
        .exchange()
        .getResponse()
        .getStatus();
  }
}
