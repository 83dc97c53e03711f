package com.allthrive.sms.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.verification.VerificationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of codes that need no database: format, keyed hashing, cooldown growth, text. */
class VerificationUnitTests {

  private static final UserId USER = new UserId("u-1");
  private static final PhoneNumber NUMBER = new PhoneNumber("+12025550143");
  private static final Instant NOW = Instant.parse("2031-01-01T12:00:00Z");

  @Test
  void aCodeIsSixDigitsAndNeverPrintsThem() {
    var code = new VerificationCode("012345");

    assertThat(code.toString()).doesNotContain("012345");
    assertThat(VerificationCode.isWellFormed("12345")).isFalse();
    assertThat(VerificationCode.isWellFormed("12345a")).isFalse();
    assertThat(VerificationCode.isWellFormed("١٢٣٤٥٦")).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> new VerificationCode("1234567"));
  }

  @Test
  void generatedCodesAreSixDigitsWithLeadingZerosKept() {
    var generator = new SecureRandomCodeGenerator();

    for (int i = 0; i < 1000; i++) {
      assertThat(generator.next().digits()).matches("\\d{6}");
    }
  }

  @Test
  void aStoredCodeMatchesOnlyForItsUserNumberAndKey() {
    var hasher = new CodeHasher(settings("a-secret-key-of-thirty-two-characters!!", false));
    String stored = hasher.hash(USER, NUMBER, new VerificationCode("424242"));

    assertThat(stored).hasSize(64).doesNotContain("424242");
    assertThat(hasher.matches(USER, NUMBER, "424242", stored)).isTrue();
    assertThat(hasher.matches(USER, NUMBER, "424243", stored)).isFalse();
    assertThat(hasher.matches(new UserId("u-2"), NUMBER, "424242", stored)).isFalse();
    assertThat(hasher.matches(USER, new PhoneNumber("+12025550144"), "424242", stored)).isFalse();
    var otherKey = new CodeHasher(settings("another-secret-key-of-thirty-two-chars!", false));
    assertThat(otherKey.matches(USER, NUMBER, "424242", stored)).isFalse();
  }

  @Test
  void outsideDemoModeAMissingOrShortKeyFailsTheStartNamingIt() {
    assertThatIllegalStateException()
        .isThrownBy(() -> new CodeHasher(settings(null, false)))
        .withMessageContaining("SMS_SECRET_KEY");
    assertThatIllegalStateException()
        .isThrownBy(() -> new CodeHasher(settings("short", true)))
        .withMessageContaining("SMS_SECRET_KEY");
    assertThat(
            new CodeHasher(settings(null, true)).hash(USER, NUMBER, new VerificationCode("000000")))
        .hasSize(64);
  }

  @Test
  void theCooldownDoublesUpToItsCap() {
    var limits = new AbuseLimits(settings("k".repeat(32), false), null, Clock.systemUTC());

    assertThat(
            List.of(1, 2, 3, 4, 7, 8, 40).stream()
                .map(limits::cooldownAfter)
                .map(Duration::toSeconds))
        .containsExactly(30L, 60L, 120L, 240L, 1920L, 3600L, 3600L);
  }

  @Test
  void theStreakGrowsWhileCodesFollowEachOtherWithinAnHour() {
    var limits = new AbuseLimits(settings("k".repeat(32), false), null, Clock.systemUTC());
    var recent = state(3, NOW.minus(Duration.ofMinutes(59)));
    var quiet = state(3, NOW.minus(Duration.ofHours(1)));

    assertThat(limits.nextStreak(Optional.empty(), NOW)).isEqualTo(1);
    assertThat(limits.nextStreak(Optional.of(recent), NOW)).isEqualTo(4);
    assertThat(limits.nextStreak(Optional.of(quiet), NOW)).isEqualTo(1);
  }

  @Test
  void theTextIsThePlatformsWithTheBrandAndTheLoggedCopyRedacted() {
    var messages = new CodeMessages(settings("k".repeat(32), false));

    var sms = messages.of(USER, NUMBER, new VerificationCode("123456"), 7);

    assertThat(sms.body())
        .isEqualTo("Your Thrive verification code is: 123456\n\nThis code expires in 10 minutes.");
    assertThat(sms.loggedBody())
        .isEqualTo("Your Thrive verification code is: ******\n\nThis code expires in 10 minutes.");
    assertThat(sms.idempotencyKey()).isEqualTo("verification:u-1:7");
    assertThat(sms.validity()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void allowedCountriesAreReadLeniently() {
    var settings = settings("k".repeat(32), false);

    assertThat(settings.allowsCountry("US")).isTrue();
    assertThat(settings.allowsCountry("CA")).isTrue();
    assertThat(settings.allowsCountry("JM")).isFalse();
    assertThat(settings.toString()).doesNotContain("k".repeat(32));
  }

  private static PendingCode state(int streak, Instant lastSent) {
    return new PendingCode(
        USER,
        1L,
        NUMBER,
        "00",
        lastSent.plus(Duration.ofMinutes(10)),
        0,
        streak,
        lastSent,
        lastSent.plusSeconds(30));
  }

  private static VerificationSettings settings(String secret, boolean demo) {
    return new VerificationSettings(
        Duration.ofMinutes(10),
        5,
        Duration.ofSeconds(30),
        Duration.ofHours(1),
        Duration.ofHours(1),
        5,
        10,
        20,
        Duration.ofHours(1),
        List.of("us", " CA "),
        "Thrive",
        VerificationSettings.DEFAULT_DISCLOSURE,
        secret,
        demo);
  }
}
