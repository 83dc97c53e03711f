package com.allthrive.sms.verification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of phone verification. The secret key is hidden from {@link #toString()}.
 *
 * @param codeTtl how long a code can be used
 * @param maxAttempts wrong submissions that kill a code
 * @param cooldownBase the wait before a second code; it doubles with each further code in a row
 * @param cooldownMax the longest wait between two codes
 * @param cooldownReset quiet time after which the doubling starts again from {@code cooldownBase}
 * @param numberHourlyLimit codes per destination number per clock hour
 * @param userDailyLimit codes per user per UTC day
 * @param ipLimit codes per client IP address per {@code ipWindow}
 * @param ipWindow the window of {@code ipLimit}
 * @param allowedCountries ISO 3166 region codes whose numbers may be verified
 * @param brandName the brand in the code's text
 * @param disclosureText what the user agrees to by verifying; kept as consent evidence
 * @param secretKey the HMAC key of stored codes ({@code SMS_SECRET_KEY}, at least 32 characters)
 * @param demo demo mode: a missing secret key is generated at start
 */
@Validated
@ConfigurationProperties("sms.verification")
public record VerificationSettings(
    @DefaultValue("10m") Duration codeTtl,
    @DefaultValue("5") @Min(1) int maxAttempts,
    @DefaultValue("30s") Duration cooldownBase,
    @DefaultValue("1h") Duration cooldownMax,
    @DefaultValue("1h") Duration cooldownReset,
    @DefaultValue("5") @Min(1) int numberHourlyLimit,
    @DefaultValue("10") @Min(1) int userDailyLimit,
    @DefaultValue("20") @Min(1) int ipLimit,
    @DefaultValue("1h") Duration ipWindow,
    @DefaultValue({"US", "CA"}) @NotEmpty List<String> allowedCountries,
    @DefaultValue("AllThrive") @NotBlank String brandName,
    @DefaultValue(DEFAULT_DISCLOSURE) @NotBlank String disclosureText,
    String secretKey,
    @DefaultValue("true") boolean demo) {

  public static final String DEFAULT_DISCLOSURE =
      "By verifying your number you agree to receive text messages from AllThrive about your"
          + " account and the activity you choose. Msg & data rates may apply. Reply STOP to opt"
          + " out, HELP for help.";

  public VerificationSettings {
    allowedCountries =
        allowedCountries.stream()
            .map(String::trim)
            .filter(c -> !c.isEmpty())
            .map(c -> c.toUpperCase(Locale.ROOT))
            .toList();
  }

  public boolean allowsCountry(String region) {
    return region != null && allowedCountries.contains(region);
  }

  @Override
  public String toString() {
    return "VerificationSettings[codeTtl="
        + codeTtl
        + ", maxAttempts="
        + maxAttempts
        + ", cooldownBase="
        + cooldownBase
        + ", cooldownMax="
        + cooldownMax
        + ", cooldownReset="
        + cooldownReset
        + ", numberHourlyLimit="
        + numberHourlyLimit
        + ", userDailyLimit="
        + userDailyLimit
        + ", ipLimit="
        + ipLimit
        + "/"
        + ipWindow
        + ", allowedCountries="
        + allowedCountries
        + ", brandName="
        + brandName
        + "]";
  }
}
