package com.allthrive.sms.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module: who may call the service. Secrets are hidden from {@link
 * #toString()}.
 *
 * @param demo demo mode: missing keys and secrets are generated and printed at start
 * @param jwtSecret HS256 key for end-user tokens (UTF-8 bytes, at least 32)
 * @param jwtJwksUri JWKS URI for end-user tokens, instead of a shared secret
 * @param jwtIssuer required {@code iss} when set
 * @param jwtAudience required {@code aud} when set
 * @param platformApiKeys keys of the platform ({@code X-Api-Key})
 * @param adminApiKeys keys of administrators ({@code X-Api-Key})
 * @param dataDir folder where demo mode keeps the keys and secret it generated ({@code
 *     SMS_DATA_DIR}), so they survive a restart
 */
@ConfigurationProperties("sms.accounts")
public record AccountsSettings(
    boolean demo,
    String jwtSecret,
    String jwtJwksUri,
    String jwtIssuer,
    String jwtAudience,
    List<String> platformApiKeys,
    List<String> adminApiKeys,
    @DefaultValue("./data") String dataDir) {

  public AccountsSettings {
    platformApiKeys = clean(platformApiKeys);
    adminApiKeys = clean(adminApiKeys);
  }

  private static List<String> clean(List<String> keys) {
    return keys == null
        ? List.of()
        : keys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
  }

  @Override
  public String toString() {
    return "AccountsSettings[demo="
        + demo
        + ", jwtJwksUri="
        + jwtJwksUri
        + ", jwtIssuer="
        + jwtIssuer
        + ", jwtAudience="
        + jwtAudience
        + ", platformApiKeys="
        + platformApiKeys.size()
        + ", adminApiKeys="
        + adminApiKeys.size()
        + ", dataDir="
        + dataDir
        + "]";
  }
}
