package com.allthrive.sms.verification.web;

import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.verification.internal.Outcomes.Refused;
import com.allthrive.sms.verification.internal.Outcomes.WrongCode;
import com.allthrive.sms.verification.internal.Refusal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The HTTP face of each refusal: status, stable code and a detail fit for the user. */
final class VerificationProblems {

  private record Face(HttpStatus status, String detail) {}

  private static final Map<Refusal, Face> FACES = new EnumMap<>(Refusal.class);

  static {
    face(Refusal.UNKNOWN_USER, HttpStatus.NOT_FOUND, "The platform has not provisioned this user.");
    face(
        Refusal.COUNTRY_NOT_ALLOWED,
        HttpStatus.BAD_REQUEST,
        "Numbers from this country cannot be verified.");
    face(
        Refusal.ALREADY_VERIFIED,
        HttpStatus.CONFLICT,
        "This number is already verified for your account.");
    face(Refusal.NUMBER_TAKEN, HttpStatus.CONFLICT, "This number is verified by another account.");
    face(
        Refusal.RESEND_COOLDOWN,
        HttpStatus.TOO_MANY_REQUESTS,
        "Please wait before asking for another code.");
    face(
        Refusal.IP_LIMIT,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many codes were asked for from this network.");
    face(
        Refusal.NUMBER_HOURLY_LIMIT,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many codes were sent to this number.");
    face(
        Refusal.USER_DAILY_LIMIT,
        HttpStatus.TOO_MANY_REQUESTS,
        "You have asked for too many codes today.");
    face(
        Refusal.NO_PENDING_CODE,
        HttpStatus.BAD_REQUEST,
        "No code is waiting to be checked. Ask for a new one.");
    face(Refusal.CODE_EXPIRED, HttpStatus.BAD_REQUEST, "The code has expired. Ask for a new one.");
    face(
        Refusal.TOO_MANY_ATTEMPTS,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many wrong codes. Ask for a new one.");
    face(
        Refusal.NUMBER_CHANGED,
        HttpStatus.CONFLICT,
        "Your number changed after the code was sent. Ask for a new code.");
    face(
        Refusal.BUDGET_EXHAUSTED,
        HttpStatus.SERVICE_UNAVAILABLE,
        "Codes cannot be sent right now. Please try again later.");
  }

  private VerificationProblems() {}

  /**
   * A refused code request; an opted-out number is told to text START to {@code serviceNumber} (the
   * sending number, or null when a Messaging Service picks it) first.
   */
  static ApiProblem of(Refused refused, String serviceNumber) {
    if (refused.reason() != Refusal.NUMBER_OPTED_OUT) {
      return of(refused);
    }
    String to = serviceNumber == null || serviceNumber.isBlank() ? "our number" : serviceNumber;
    return new ApiProblem(
        HttpStatus.CONFLICT,
        refused.reason().code(),
        "This number has opted out of our texts (it replied STOP). Text START to "
            + to
            + " from this phone first, then ask for a code again.");
  }

  static ApiProblem of(Refused refused) {
    Face face = FACES.get(refused.reason());
    ApiProblem problem = new ApiProblem(face.status(), refused.reason().code(), face.detail());
    if (refused.reason() == Refusal.CODE_EXPIRED) {
      problem.with("attempts_left", 0);
    }
    return refused.retryAfter() == null ? problem : problem.retryAfter(refused.retryAfter());
  }

  static ApiProblem of(WrongCode wrong) {
    return ApiProblem.badRequest("invalid_code", "The code is not correct.")
        .with("attempts_left", wrong.attemptsLeft());
  }

  private static void face(Refusal refusal, HttpStatus status, String detail) {
    FACES.put(refusal, new Face(status, detail));
  }
}
