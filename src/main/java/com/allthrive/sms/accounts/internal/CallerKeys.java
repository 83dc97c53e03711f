package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.AccountsSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The effective keys and JWT secret. Outside demo mode a missing one fails the start with a message
 * naming its variable; in demo mode it is generated and printed once.
 */
@Component
class CallerKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<byte[]> platformKeys;
  private final List<byte[]> adminKeys;
  private final byte[] jwtSecret;

  CallerKeys(AccountsSettings settings) {
    this.platformKeys = digests(keys(settings.platformApiKeys(), "PLATFORM_API_KEY", settings));
    this.adminKeys = digests(keys(settings.adminApiKeys(), "ADMIN_API_KEY", settings));
    this.jwtSecret = secret(settings);
  }

  boolean isPlatformKey(String presented) {
    return matches(platformKeys, presented);
  }

  boolean isAdminKey(String presented) {
    return matches(adminKeys, presented);
  }

  /** The HS256 key, or null when tokens are checked against a JWKS URI. */
  byte[] jwtSecret() {
    return jwtSecret;
  }

  private static List<String> keys(List<String> configured, String variable, AccountsSettings s) {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (!s.demo()) {
      throw new IllegalStateException("Missing setting " + variable + " (comma-separated keys)");
    }
    String generated = "demo-" + token(24);
    System.out.println("Generated " + variable + " for demo mode: " + generated);
    return List.of(generated);
  }

  private static byte[] secret(AccountsSettings s) {
    if (s.jwtJwksUri() != null && !s.jwtJwksUri().isBlank()) {
      return null;
    }
    if (s.jwtSecret() != null && !s.jwtSecret().isBlank()) {
      byte[] bytes = s.jwtSecret().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException("JWT_SECRET must be at least 32 bytes long");
      }
      return bytes;
    }
    if (!s.demo()) {
      throw new IllegalStateException("Missing setting JWT_SECRET or JWT_JWKS_URI");
    }
    return token(48).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean matches(List<byte[]> digests, String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    byte[] candidate = sha256(presented);
    boolean found = false;
    for (byte[] digest : digests) {
      found |= MessageDigest.isEqual(digest, candidate);
    }
    return found;
  }

  private static List<byte[]> digests(List<String> keys) {
    return keys.stream().map(CallerKeys::sha256).toList();
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
