package com.allthrive.sms.verification.internal;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.ServerSecrets;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.verification.VerificationSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
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
    this.key =
        new SecretKeySpec(
            derive(ServerSecrets.resolve(settings.secretKey(), settings.demo())), "HmacSHA256");
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
    return ServerSecrets.hmacSha256(key, user.value() + '\n' + number.e164() + '\n' + code);
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
