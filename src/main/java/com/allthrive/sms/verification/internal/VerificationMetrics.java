package com.allthrive.sms.verification.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Verification outcomes ({@code sms.verification}): a code sent or refused (with the refusal's
 * code), a code verified, wrong or refused. Tags are fixed codes, never a user or a number.
 */
@Component
public class VerificationMetrics {

  private final MeterRegistry registry;

  VerificationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void requested(Outcomes.IssueResult result) {
    count(
        "request",
        result instanceof Outcomes.Refused refused ? refused.reason().code() : "code_sent");
  }

  public void checked(Outcomes.CheckResult result) {
    String outcome = "verified";
    if (result instanceof Outcomes.WrongCode) {
      outcome = "wrong_code";
    } else if (result instanceof Outcomes.Refused refused) {
      outcome = refused.reason().code();
    }
    count("verify", outcome);
  }

  private void count(String step, String outcome) {
    Counter.builder("sms.verification")
        .description("Code requests and checks by outcome")
        .tag("step", step)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
