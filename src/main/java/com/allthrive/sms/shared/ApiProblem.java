package com.allthrive.sms.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An expected failure that reaches the caller as an RFC 9457 problem: a status, a stable {@code
 * code} (also the last segment of {@code type}), a human detail and optional extra members.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private Duration retryAfter;

  public ApiProblem(HttpStatus status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiProblem badRequest(String code, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ApiProblem notFound(String code, String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
  }

  public static ApiProblem conflict(String code, String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, code, detail);
  }

  public static ApiProblem tooManyRequests(String code, String detail, Duration retryAfter) {
    return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, code, detail).retryAfter(retryAfter);
  }

  public ApiProblem with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public ApiProblem retryAfter(Duration after) {
    this.retryAfter = after;
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  /** Seconds to wait, rounded up, at least one; null when the problem has no wait. */
  public Long retryAfterSeconds() {
    if (retryAfter == null) {
      return null;
    }
    long millis = Math.max(retryAfter.toMillis(), 1);
    return (millis + 999) / 1000;
  }
}
