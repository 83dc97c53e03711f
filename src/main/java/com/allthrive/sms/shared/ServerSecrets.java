package com.allthrive.sms.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The server secret ({@code SMS_SECRET_KEY}) and the HMAC-SHA256 every module keys with it. */
public final class ServerSecrets {

  private ServerSecrets() {}

  /**
   * The configured secret (at least 32 characters); in demo mode a random one when none is set.
   * Anything else fails the start with the variable's name.
   */
  public static String resolve(String configured, boolean demo) {
    if (configured != null && configured.length() >= 32) {
      return configured;
    }
    if (configured != null && !configured.isBlank()) {
      throw new IllegalStateException("SMS_SECRET_KEY must be at least 32 characters long");
    }
    if (!demo) {
      throw new IllegalStateException("Missing setting SMS_SECRET_KEY (at least 32 characters)");
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** HMAC-SHA256 of the UTF-8 bytes of {@code input}. */
  public static byte[] hmacSha256(SecretKeySpec key, String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
