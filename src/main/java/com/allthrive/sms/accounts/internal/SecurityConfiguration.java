package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.AccountsSettings;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. End users carry a JWT ({@code sub} = platform user id, {@code exp} required);
 * the platform and admins carry {@code X-Api-Key}; Twilio's webhooks are open here and check their
 * signature themselves; pages are open and call the API with the user's token. The demo endpoints
 * (tokens, outbox, inbound keywords) are open; they answer 404 outside demo mode.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, CallerKeys keys, ProblemResponses problems, JwtDecoder decoder)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/webhooks/twilio/**", "/ws/presence", "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/demo/tokens", "/api/v1/demo/inbound")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/demo/outbox", "/api/v1/demo/outbox/**")
                    .permitAll()
                    .requestMatchers("/api/v1/platform/**", "/api/v1/events")
                    .hasRole("PLATFORM")
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/v1/me/**", "/api/v1/users/**")
                    .hasRole("USER")
                    .requestMatchers("/api/**")
                    .denyAll()
                    .requestMatchers("/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            o ->
                o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(authorities()))
                    .authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new ApiKeyFilter(keys, problems), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /**
   * No observations of each security filter, authentication and authorization: they cost a large
   * share of a request's CPU, and the HTTP server metrics already count every answer by status.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  JwtDecoder jwtDecoder(CallerKeys keys, AccountsSettings settings) {
    NimbusJwtDecoder decoder =
        keys.jwtSecret() == null
            ? NimbusJwtDecoder.withJwkSetUri(settings.jwtJwksUri()).build()
            : NimbusJwtDecoder.withSecretKey(new SecretKeySpec(keys.jwtSecret(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  private static OAuth2TokenValidator<Jwt> validator(AccountsSettings settings) {
    List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
    rules.add(JwtValidators.createDefault());
    rules.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    rules.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, UserId::isValid));
    if (hasText(settings.jwtIssuer())) {
      rules.add(new JwtClaimValidator<String>(JwtClaimNames.ISS, settings.jwtIssuer()::equals));
    }
    if (hasText(settings.jwtAudience())) {
      rules.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.jwtAudience())));
    }
    return new DelegatingOAuth2TokenValidator<>(rules);
  }

  /** Every token holder is a user; {@code roles: ["admin"]} or {@code role: "admin"} adds admin. */
  private static JwtAuthenticationConverter authorities() {
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Collection<GrantedAuthority> granted = new ArrayList<>();
          granted.add(new SimpleGrantedAuthority("ROLE_USER"));
          List<String> roles =
              jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
          if (roles.contains("admin") || "admin".equals(jwt.getClaimAsString("role"))) {
            granted.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
          }
          return granted;
        });
    return converter;
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
