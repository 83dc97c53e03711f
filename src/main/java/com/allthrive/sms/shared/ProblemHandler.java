package com.allthrive.sms.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error of the JSON API to an RFC 9457 problem. Spring MVC's own errors keep their
 * status; bad bodies become 400 with code {@code malformed_body}; a database that cannot be reached
 * is a 503 {@code database_unavailable} with {@code Retry-After: 1} (the request may be sent again,
 * with the same idempotency key); anything else unexpected is a 500 whose detail reveals nothing.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final int RETRY_AFTER_SECONDS = 1;

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem ex) {
    ProblemDetail body = Problems.of(ex.status(), ex.code(), ex.getMessage());
    ex.properties().forEach(body::setProperty);
    var response =
        ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (ex.retryAfterSeconds() != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
      body.setProperty("retry_after_seconds", ex.retryAfterSeconds());
    }
    return response.body(body);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    if (DatabaseOutage.causedBy(ex)) {
      return databaseUnavailable(ex);
    }
    log.error("Unexpected error", ex);
    ProblemDetail body =
        Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong.");
    return ResponseEntity.internalServerError()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
    log.warn("Database unavailable; answered 503: {}", ex.toString());
    ProblemDetail body =
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "database_unavailable",
            "The database cannot be reached right now; try again in a moment.");
    body.setProperty("retry_after_seconds", RETRY_AFTER_SECONDS);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        Problems.of(HttpStatus.BAD_REQUEST, "malformed_body", JsonErrors.describe(ex));
    return problem(body);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(JsonErrors.snake(error.getField()), error.getDefaultMessage());
    }
    ProblemDetail body =
        Problems.of(HttpStatus.BAD_REQUEST, "invalid_request", "Some fields are invalid.");
    body.setProperty("errors", errors);
    return problem(body);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
      body = error.getBody();
    }
    if (body instanceof ProblemDetail detail
        && (detail.getProperties() == null || !detail.getProperties().containsKey("code"))) {
      String code = HttpStatus.valueOf(status.value()).name().toLowerCase();
      detail.setType(Problems.of(status, code, null).getType());
      detail.setProperty("code", code);
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  private static ResponseEntity<Object> problem(ProblemDetail body) {
    return ResponseEntity.status(body.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
