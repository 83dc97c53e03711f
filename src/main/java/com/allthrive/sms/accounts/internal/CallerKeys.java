package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.AccountsSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The effective keys and JWT secret. Outside demo mode a missing one fails the start with a message
 * naming its variable; in demo mode it is generated once and kept under {@code SMS_DATA_DIR}
 * ({@link DemoSecrets}), and the first key of each kind is held for the demo console.
 */
@Component
class CallerKeys {

  private final List<byte[]> platformKeys;
  private final List<byte[]> adminKeys;
  private final byte[] jwtSecret;
  private final String demoPlatformKey;
  private final String demoAdminKey;

  CallerKeys(AccountsSettings settings) {
    DemoSecrets demo = settings.demo() ? new DemoSecrets(settings.dataDir()) : null;
    List<String> platform = keys(settings.platformApiKeys(), "PLATFORM_API_KEY", demo);
    List<String> admin = keys(settings.adminApiKeys(), "ADMIN_API_KEY", demo);
    this.platformKeys = digests(platform);
    this.adminKeys = digests(admin);
    this.jwtSecret = secret(settings, demo);
    this.demoPlatformKey = demo == null ? null : platform.get(0);
    this.demoAdminKey = demo == null ? null : admin.get(0);
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

  /** A platform key in demo mode, else null. */
  String demoPlatformKey() {
    return demoPlatformKey;
  }

  /** An admin key in demo mode, else null. */
  String demoAdminKey() {
    return demoAdminKey;
  }

  private static List<String> keys(List<String> configured, String variable, DemoSecrets demo) {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (demo == null) {
      throw new IllegalStateException("Missing setting " + variable + " (comma-separated keys)");
    }
    return List.of(demo.get(variable, "demo-", 24));
  }

  private static byte[] secret(AccountsSettings s, DemoSecrets demo) {
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
    if (demo == null) {
      throw new IllegalStateException("Missing setting JWT_SECRET or JWT_JWKS_URI");
    }
    return demo.get("JWT_SECRET", "", 48).getBytes(StandardCharsets.UTF_8);
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
}
