package com.allthrive.sms.shared;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the service's problem bodies: a stable {@code type} URI and a {@code code} member. */
public final class Problems {

  private static final String TYPE_PREFIX = "urn:allthrive-sms:problem:";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setProperty("code", code);
    return problem;
  }
}
