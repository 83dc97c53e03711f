package com.allthrive.sms.delivery.internal;

import com.allthrive.sms.delivery.DeliverySettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals a body the log must not show in clear (a verification code) with AES-256-GCM until it is
 * sent. The key is derived from {@code SMS_SECRET_KEY}; demo mode generates one per start, so a
 * code queued before a demo restart expires instead of being sent.
 */
@Component
class BodySealer {

  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  BodySealer(DeliverySettings settings) {
    this.key = new SecretKeySpec(derive(secret(settings)), "AES");
  }

  byte[] seal(String body) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal message body", e);
    }
  }

  /** Opens a sealed body; throws when it was sealed under another key. */
  String open(byte[] sealed) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
    byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static String secret(DeliverySettings settings) {
    if (settings.secretKey() != null && settings.secretKey().length() >= 32) {
      return settings.secretKey();
    }
    if (settings.secretKey() != null && !settings.secretKey().isBlank()) {
      throw new IllegalStateException("SMS_SECRET_KEY must be at least 32 characters long");
    }
    if (!settings.demo()) {
      throw new IllegalStateException("Missing setting SMS_SECRET_KEY (at least 32 characters)");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return java.util.HexFormat.of().formatHex(random);
  }

  private static byte[] derive(String secret) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update("allthrive-sms/delivery/body-seal".getBytes(StandardCharsets.UTF_8));
      return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
