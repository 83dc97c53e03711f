package com.allthrive.sms.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The stored form of a counter key: HMAC-SHA256 under the server secret, hex. A counter key names a
 * phone number or a user; the table keeps only the HMAC, which cannot be reversed without the
 * secret.
 */
@Component
class CounterKeys {

  private static final String DOMAIN = "allthrive-sms rate counter\n";

  private final SecretKeySpec key;

  CounterKeys(SharedSettings settings) {
    this.key = new SecretKeySpec(secret(settings).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String of(String counterKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal((DOMAIN + counterKey).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String secret(SharedSettings settings) {
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
}
