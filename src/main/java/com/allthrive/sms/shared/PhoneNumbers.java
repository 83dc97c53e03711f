package com.allthrive.sms.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses user-typed numbers with libphonenumber (default region US) into E.164 and tells whether
 * they can receive SMS. Mobile and fixed-line-or-mobile numbers can; the rest cannot.
 */
public final class PhoneNumbers {

  /** The outcome of parsing one number. */
  public sealed interface Parsed permits Valid, Invalid {}

  /** A valid, SMS-capable number with its ISO 3166 region code. */
  public record Valid(PhoneNumber number, String region) implements Parsed {}

  /** A number that cannot be used, with a reason fit for an error message. */
  public record Invalid(String reason) implements Parsed {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Set<PhoneNumberType> SMS_CAPABLE =
      Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
  private static final int MAX_INPUT = 40;

  private PhoneNumbers() {}

  public static Parsed parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return new Invalid("phone number is required");
    }
    if (raw.length() > MAX_INPUT) {
      return new Invalid("phone number is too long");
    }
    try {
      Phonenumber.PhoneNumber nanp = nanpE164(raw);
      var parsed = nanp != null ? nanp : UTIL.parse(raw, "US");
      // the type is UNKNOWN exactly when no region takes the number: one look instead of two
      PhoneNumberType type = UTIL.getNumberType(parsed);
      if (type == PhoneNumberType.UNKNOWN) {
        return new Invalid("not a valid phone number");
      }
      if (!SMS_CAPABLE.contains(type)) {
        return new Invalid("this number cannot receive text messages");
      }
      if (nanp != null) {
        var number = new PhoneNumber(raw);
        return new Valid(number, region(number));
      }
      return new Valid(
          new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164)),
          UTIL.getRegionCodeForNumber(parsed));
    } catch (NumberParseException e) {
      return new Invalid("not a valid phone number");
    }
  }

  /**
   * A North American number already in E.164, {@code +1} and ten digits with an area code from 2 to
   * 9: the form platforms send. Read without libphonenumber's parser, whose regular expressions
   * were most of the cost of an invitation's number; for this form there is no formatting,
   * extension or national prefix to strip, so the parser would give the same number.
   */
  private static Phonenumber.PhoneNumber nanpE164(String raw) {
    if (raw.length() != 12 || !raw.startsWith("+1") || raw.charAt(2) < '2') {
      return null;
    }
    for (int i = 2; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return null;
      }
    }
    return new Phonenumber.PhoneNumber()
        .setCountryCode(1)
        .setNationalNumber(Long.parseLong(raw, 2, 12, 10));
  }

  /** NANP regions by {@code +1} and area code: the region depends on nothing else. */
  private static final Map<String, String> NANP_REGIONS = new ConcurrentHashMap<>();

  /**
   * The ISO 3166 region of a stored number, for prices and reports: the number's own region when
   * libphonenumber knows it, else the main region of its country code ({@code US} for +1), else
   * null. North American regions are looked up once per area code.
   */
  public static String region(PhoneNumber number) {
    String e164 = number.e164();
    boolean nanp = e164.startsWith("+1") && e164.length() == 12;
    String cached = nanp ? NANP_REGIONS.get(e164.substring(0, 5)) : null;
    if (cached != null) {
      return cached;
    }
    try {
      var parsed = UTIL.parse(e164, null);
      String own = UTIL.getRegionCodeForNumber(parsed);
      if (own != null && !"ZZ".equals(own)) {
        if (nanp) {
          NANP_REGIONS.put(e164.substring(0, 5), own);
        }
        return own;
      }
      String main = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
      return main == null || "ZZ".equals(main) ? null : main;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** Parses a number or throws a 400 problem naming the field. */
  public static Valid require(String field, String raw) {
    Parsed parsed = parse(raw);
    if (parsed instanceof Valid valid) {
      return valid;
    }
    throw ApiProblem.badRequest("invalid_phone_number", field + ": " + ((Invalid) parsed).reason());
  }
}
