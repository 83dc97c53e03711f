package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.TokenMinter;
import com.allthrive.sms.shared.UserId;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

@Component
class HmacTokenMinter implements TokenMinter {

  private final CallerKeys keys;
  private final Clock clock;

  HmacTokenMinter(CallerKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public String mint(UserId user, Duration lifetime, List<String> roles) {
    if (keys.jwtSecret() == null) {
      throw new IllegalStateException("tokens are checked against a JWKS URI; none can be minted");
    }
    var encoder =
        new NimbusJwtEncoder(
            new ImmutableSecret<>(new SecretKeySpec(keys.jwtSecret(), "HmacSHA256")));
    var now = clock.instant();
    var claims =
        JwtClaimsSet.builder()
            .subject(user.value())
            .issuedAt(now)
            .expiresAt(now.plus(lifetime))
            .claim("roles", roles)
            .build();
    var header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }
}
