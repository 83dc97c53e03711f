package com.allthrive.sms.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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
    this.key =
        new SecretKeySpec(
            ServerSecrets.resolve(settings.secretKey(), settings.demo())
                .getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");
  }

  String of(String counterKey) {
    return HexFormat.of().formatHex(ServerSecrets.hmacSha256(key, DOMAIN + counterKey));
  }
}
