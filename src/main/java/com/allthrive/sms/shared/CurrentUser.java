package com.allthrive.sms.shared;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The end user behind a request: the {@code sub} of their token. */
public final class CurrentUser {

  private CurrentUser() {}

  public static UserId of(Jwt jwt) {
    if (jwt == null || !UserId.isValid(jwt.getSubject())) {
      throw new ApiProblem(
          HttpStatus.UNAUTHORIZED, "unauthorized", "The token has no usable subject.");
    }
    return new UserId(jwt.getSubject());
  }
}
