package com.allthrive.sms.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Api-Key} callers: platform keys get {@code ROLE_PLATFORM}, admin keys
 * {@code ROLE_ADMIN}. A key that matches neither is answered 401 at once.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Api-Key";

  private final CallerKeys keys;
  private final ProblemResponses problems;

  ApiKeyFilter(CallerKeys keys, ProblemResponses problems) {
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(HEADER);
    if (presented == null) {
      chain.doFilter(request, response);
      return;
    }
    String role =
        keys.isAdminKey(presented) ? "ADMIN" : keys.isPlatformKey(presented) ? "PLATFORM" : null;
    if (role == null) {
      problems.write(response, 401, "invalid_api_key", "The API key is not valid.");
      return;
    }
    var auth =
        UsernamePasswordAuthenticationToken.authenticated(
            role.toLowerCase(), null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    SecurityContextHolder.getContext().setAuthentication(auth);
    chain.doFilter(request, response);
  }
}
