package com.allthrive.sms.accounts;

import com.allthrive.sms.support.TestKeys;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** End-user tokens for tests, valid or broken in one chosen way; times are real time. */
public final class JwtFixtures {

  private JwtFixtures() {}

  /** A valid token for {@code userId}, one hour long. */
  public static String token(String userId) {
    return signed(TestKeys.JWT_SECRET, userId, Instant.now().plus(Duration.ofHours(1)), List.of());
  }

  public static String adminToken(String userId) {
    return signed(
        TestKeys.JWT_SECRET, userId, Instant.now().plus(Duration.ofHours(1)), List.of("admin"));
  }

  public static String expired(String userId) {
    return signed(
        TestKeys.JWT_SECRET, userId, Instant.now().minus(Duration.ofMinutes(5)), List.of());
  }

  public static String signedWithAnotherKey(String userId) {
    return signed(
        "another-secret-that-is-also-at-least-32-bytes",
        userId,
        Instant.now().plus(Duration.ofHours(1)),
        List.of());
  }

  public static String withoutExpiry(String userId) {
    return signed(TestKeys.JWT_SECRET, userId, null, List.of());
  }

  /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
  public static String unsigned(String userId) {
    long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
        + "."
        + base64("{\"sub\":\"" + userId + "\",\"exp\":" + exp + "}")
        + ".";
  }

  private static String signed(
      String secret, String userId, Instant expiresAt, List<String> roles) {
    var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    Instant issuedAt =
        expiresAt == null ? Instant.now().minusSeconds(60) : expiresAt.minus(Duration.ofHours(2));
    var claims = JwtClaimsSet.builder().subject(userId).issuedAt(issuedAt);
    if (expiresAt != null) {
      claims.expiresAt(expiresAt);
    }
    if (!roles.isEmpty()) {
      claims.claim("roles", roles);
    }
    var header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
