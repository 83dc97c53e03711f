package com.allthrive.sms.preferences;

import static com.allthrive.sms.preferences.PreferencesFixtures.HISTORY;
import static com.allthrive.sms.preferences.PreferencesFixtures.PREFERENCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.TokenMinter;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The preferences API over HTTP. With {@link ConsentLedgerTests} and {@link OptOutTests} (which
 * extend it to share one application context) it runs on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class PreferencesApiTests {

  static final String UNTOUCHED =
      """
      {"phone_number": "+14155550101", "phone_verified": false, "phone_verified_at": null,
       "allow_sms_invitations": true, "allow_sms_dm_notifications": true,
       "allow_sms_battle_results": true, "allow_sms_achievement_unlocks": true,
       "allow_sms_challenge_reminders": true, "allow_sms_security_alerts": true,
       "opted_out": false, "quiet_hours": null, "timezone": "America/Chicago",
       "pending_phone_number": null, "remaining_this_hour": 10, "remaining_today": 30}
      """;

  @Autowired MockMvcTester mvc;
  @Autowired TokenMinter tokens;
  @Autowired Accounts accounts;
  @Autowired SmsPreferences preferences;
  PreferencesFixtures fx;

  @BeforeEach
  void fixtures() {
    fx = new PreferencesFixtures(mvc, tokens);
  }

  @Test
  void aNewUserHasEveryCategoryOnAndExactlyTheContractsFields() {
    fx.provision("api-new", "America/Chicago", "+14155550101");

    var result = fx.get("api-new", PREFERENCES);

    assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo(UNTOUCHED);
  }

  @Test
  void anUnprovisionedUserGetsA404Problem() {
    var read = fx.get("api-ghost", PREFERENCES);
    var write = fx.patch("api-ghost", "{\"allow_sms_battle_results\": false}");

    assertThat(read).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(read).bodyJson().extractingPath("$.code").isEqualTo("unknown_user");
    assertThat(write).hasStatus(404);
    assertThat(fx.get("api-ghost", HISTORY)).hasStatus(404);
  }

  @Test
  void aPatchChangesOnlyWhatItNamesAndAnswersTheWholeObject() {
    fx.provision("api-patch", "America/Chicago", "+14155550101");

    var result = fx.patch("api-patch", "{\"allow_sms_battle_results\": false}");

    String battleOff =
        UNTOUCHED.replace(
            "\"allow_sms_battle_results\": true", "\"allow_sms_battle_results\": false");
    assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo(battleOff);
    assertThat(fx.get("api-patch", PREFERENCES))
        .bodyJson()
        .extractingPath("$.allow_sms_battle_results")
        .isEqualTo(false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"allow_sms_dm_notifications\": \"false\"}",
        "{\"allow_sms_dm_notifications\": null}",
        "{\"allow_sms_dm_notifications\": 0}",
        "{\"allow_sms_battle_results\": false, \"allow_sms_invitations\": \"no\"}",
        "{\"allow_sms_battle_results\": false, \"colour\": \"blue\"}",
        "{\"allow_sms_battle_results\": false, \"opted_out\": false}",
        "{\"allow_sms_battle_results\": false, \"timezone\": \"Mars/Olympus_Mons\"}",
        "{\"allow_sms_battle_results\": false, \"timezone\": \"+02:00\"}",
        "{\"allow_sms_battle_results\": false, \"quiet_hours\": {\"start\": \"22:00\", \"end\": \"22:00\"}}",
        "{\"allow_sms_battle_results\": false, \"quiet_hours\": {\"start\": \"24:00\", \"end\": \"07:00\"}}",
        "{\"allow_sms_battle_results\": false, \"quiet_hours\": {\"start\": \"10pm\", \"end\": \"07:00\"}}",
        "{\"allow_sms_battle_results\": false, \"quiet_hours\": {\"start\": \"22:00\"}}",
        "{\"allow_sms_battle_results\": false, \"quiet_hours\": \"22:00-07:00\"}",
        "{\"allow_sms_battle_results\": false, \"allow_sms_battle_results\": true}",
        "{\"allow_sms_battle_results\": false} {}",
        "[{\"allow_sms_battle_results\": false}]",
        "allow_sms_battle_results=false"
      })
  void aBadPatchIsA400AndChangesNothing(String body) {
    fx.provision("api-bad", "America/Chicago", "+14155550101");

    var result = fx.patch("api-bad", body);

    assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(fx.get("api-bad", PREFERENCES)).bodyJson().isStrictlyEqualTo(UNTOUCHED);
    assertThat(fx.get("api-bad", HISTORY)).bodyJson().isEqualTo("[]");
  }

  @Test
  void aBadFieldIsNamedInTheProblem() {
    fx.provision("api-named", "America/Chicago", "+14155550101");

    var result =
        fx.patch(
            "api-named",
            "{\"allow_sms_battle_results\": false, \"allow_sms_invitations\": \"false\"}");

    assertThat(result)
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("invalid_preferences");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors")
        .asMap()
        .containsOnlyKeys("allow_sms_invitations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "true", "\"false\"", "null"})
  void securityAlertsCannotBeSwitchedEvenAlongsideAValidChange(String value) {
    fx.provision("api-security", "America/Chicago", "+14155550101");

    var result =
        fx.patch(
            "api-security",
            "{\"allow_sms_battle_results\": false, \"allow_sms_security_alerts\": " + value + "}");

    assertThat(result)
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("security_alerts_not_optional");
    assertThat(fx.get("api-security", PREFERENCES)).bodyJson().isStrictlyEqualTo(UNTOUCHED);
  }

  @Test
  void quietHoursAndTheTimezoneAreSetTogetherAndTheTimezoneIsTheAccounts() {
    fx.provision("api-quiet", "America/Chicago", "+14155550101");

    var result =
        fx.patch(
            "api-quiet",
            "{\"quiet_hours\": {\"start\": \"22:00\", \"end\": \"07:30\"}, \"timezone\": \"Asia/Tokyo\"}");

    assertThat(result)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.quiet_hours")
        .isEqualTo(Map.of("start", "22:00", "end", "07:30"));
    assertThat(result).bodyJson().extractingPath("$.timezone").isEqualTo("Asia/Tokyo");
    assertThat(accounts.find(new UserId("api-quiet")).orElseThrow().timezone())
        .isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void quietHoursAreRemovedWithNull() {
    fx.provision("api-unquiet", "America/Chicago", "+14155550101");
    fx.patch("api-unquiet", "{\"quiet_hours\": {\"start\": \"22:00\", \"end\": \"07:00\"}}");

    var result = fx.patch("api-unquiet", "{\"quiet_hours\": null}");

    assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo(UNTOUCHED);
  }

  @Test
  void aTimezoneRefusedWithOtherwiseGoodFieldsLeavesTheAccountsZoneAlone() {
    fx.provision("api-zone", "America/Chicago", "+14155550101");

    var result =
        fx.patch(
            "api-zone",
            "{\"quiet_hours\": {\"start\": \"22:00\", \"end\": \"07:00\"}, \"timezone\": \"Nowhere/City\"}");

    assertThat(result).hasStatus(400);
    assertThat(accounts.find(new UserId("api-zone")).orElseThrow().timezone())
        .isEqualTo(ZoneId.of("America/Chicago"));
  }

  @Test
  void quietHoursEndIsReadInTheUsersZoneNotTheServers() {
    fx.provision("api-dst", "America/New_York", "+14155550101");
    fx.patch("api-dst", "{\"quiet_hours\": {\"start\": \"22:00\", \"end\": \"07:00\"}}");
    TimeZone serverZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
    try {
      UserId user = new UserId("api-dst");

      // 23:00 EST on the night the clocks spring forward; 07:00 EDT is 11:00 UTC
      assertThat(preferences.quietHoursEnd(user, Instant.parse("2025-03-09T04:00:00Z")))
          .contains(Instant.parse("2025-03-09T11:00:00Z"));
      // 18:00 in New York, 04:30 in Kolkata: not quiet for this user
      assertThat(preferences.quietHoursEnd(user, Instant.parse("2025-06-10T22:00:00Z"))).isEmpty();
    } finally {
      TimeZone.setDefault(serverZone);
    }
  }

  @Test
  void aUserWithoutQuietHoursOrUnknownIsNeverQuiet() {
    fx.provision("api-awake", "America/New_York", "+14155550101");
    Instant night = Instant.parse("2025-03-09T04:00:00Z");

    assertThat(preferences.quietHoursEnd(new UserId("api-awake"), night)).isEmpty();
    assertThat(preferences.quietHoursEnd(new UserId("api-nobody"), night)).isEmpty();
  }

  @Test
  void theNotificationPolicySeesTheSwitchedOffCategory() {
    fx.provision("api-allows", "America/Chicago", "+14155550101");

    fx.patch("api-allows", "{\"allow_sms_dm_notifications\": false}");

    UserId user = new UserId("api-allows");
    assertThat(preferences.allows(user, Category.DIRECT_MESSAGES)).isFalse();
    assertThat(preferences.allows(user, Category.BATTLE_RESULTS)).isTrue();
  }
}
