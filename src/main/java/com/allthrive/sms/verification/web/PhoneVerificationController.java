package com.allthrive.sms.verification.web;

import com.allthrive.sms.delivery.DeliverySettings;
import com.allthrive.sms.preferences.PreferencesView;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.CurrentUser;
import com.allthrive.sms.shared.PhoneNumbers;
import com.allthrive.sms.verification.internal.CodeChecker;
import com.allthrive.sms.verification.internal.CodeIssuer;
import com.allthrive.sms.verification.internal.Outcomes.Caller;
import com.allthrive.sms.verification.internal.Outcomes.CheckResult;
import com.allthrive.sms.verification.internal.Outcomes.IssueResult;
import com.allthrive.sms.verification.internal.Outcomes.Refused;
import com.allthrive.sms.verification.internal.Outcomes.Sent;
import com.allthrive.sms.verification.internal.Outcomes.WrongCode;
import com.allthrive.sms.verification.internal.VerificationCode;
import com.allthrive.sms.verification.internal.VerificationMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user asks for a code for a number, then proves they received it. */
@RestController
@RequestMapping("/api/v1/users/phone")
class PhoneVerificationController {

  record RequestCode(@NotNull String phoneNumber) {}

  record SubmitCode(@NotNull String code) {}

  record CodeSentView(String phoneNumber, Instant expiresAt, Instant resendAvailableAt) {}

  private final CodeIssuer issuer;
  private final CodeChecker checker;
  private final SmsPreferences preferences;
  private final VerificationMetrics metrics;
  private final String serviceNumber;

  PhoneVerificationController(
      CodeIssuer issuer,
      CodeChecker checker,
      SmsPreferences preferences,
      VerificationMetrics metrics,
      DeliverySettings delivery) {
    this.issuer = issuer;
    this.checker = checker;
    this.preferences = preferences;
    this.metrics = metrics;
    this.serviceNumber = delivery.twilio() == null ? null : delivery.twilio().phoneNumber();
  }

  @PostMapping("/request-verification")
  ResponseEntity<CodeSentView> request(
      @AuthenticationPrincipal Jwt jwt,
      @Valid @RequestBody RequestCode body,
      HttpServletRequest http) {
    var number = PhoneNumbers.require("phone_number", body.phoneNumber());
    IssueResult result = issuer.request(caller(jwt, http), number);
    metrics.requested(result);
    if (result instanceof Refused refused) {
      throw VerificationProblems.of(refused, serviceNumber);
    }
    Sent sent = (Sent) result;
    return ResponseEntity.accepted()
        .body(new CodeSentView(sent.number().e164(), sent.expiresAt(), sent.resendAvailableAt()));
  }

  @PostMapping("/verify")
  PreferencesView verify(
      @AuthenticationPrincipal Jwt jwt,
      @Valid @RequestBody SubmitCode body,
      HttpServletRequest http) {
    String code = body.code().strip();
    if (!VerificationCode.isWellFormed(code)) {
      throw ApiProblem.badRequest(
          "malformed_code", "code must be the 6 digits of the text message.");
    }
    Caller caller = caller(jwt, http);
    CheckResult result = checker.verify(caller, code);
    metrics.checked(result);
    if (result instanceof Refused refused) {
      throw VerificationProblems.of(refused);
    }
    if (result instanceof WrongCode wrong) {
      throw VerificationProblems.of(wrong);
    }
    return preferences.view(caller.user());
  }

  private static Caller caller(Jwt jwt, HttpServletRequest http) {
    return new Caller(
        CurrentUser.of(jwt), http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
  }
}
