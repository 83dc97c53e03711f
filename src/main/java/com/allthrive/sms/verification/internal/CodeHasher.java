package com.allthrive.sms.verification.internal;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.verification.VerificationSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Stores codes as HMAC-SHA256 under a server secret, over the user, the number and the code: a
 * stored value proves nothing for another user or number, and a leaked table reveals no code
 * without the key. A slow hash would add nothing: a code lives ten minutes and takes five guesses.
 */
@Component
class CodeHasher {

  private static final String DOMAIN = "allthrive-sms/verification/code-hmac";

  private final SecretKeySpec key;

  CodeHasher(VerificationSettings settings) {
    this.key = new SecretKeySpec(derive(secret(settings)), "HmacSHA256");
  }

  String hash(UserId user, PhoneNumber number, VerificationCode code) {
    return HexFormat.of().formatHex(mac(user, number, code.digits()));
  }

  /** Compares in constant time; a malformed stored value never matches. */
  boolean matches(UserId user, PhoneNumber number, String submitted, String storedHex) {
    byte[] stored;
    try {
      stored = HexFormat.of().parseHex(storedHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(stored, mac(user, number, submitted));
  }

  private byte[] mac(UserId user, PhoneNumber number, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String input = user.value() + '\n' + number.e164() + '\n' + code;
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String secret(VerificationSettings settings) {
    String configured = settings.secretKey();
    if (configured != null && configured.length() >= 32) {
      return configured;
    }
    if (configured != null && !configured.isBlank()) {
      throw new IllegalStateException("SMS_SECRET_KEY must be at least 32 characters long");
    }
    if (!settings.demo()) {
      throw new IllegalStateException("Missing setting SMS_SECRET_KEY (at least 32 characters)");
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static byte[] derive(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(DOMAIN.getBytes(StandardCharsets.UTF_8));
      return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
