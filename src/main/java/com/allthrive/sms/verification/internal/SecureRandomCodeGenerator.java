package com.allthrive.sms.verification.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Uniform six-digit codes, leading zeros included, from {@link SecureRandom}. */
@Component
class SecureRandomCodeGenerator implements CodeGenerator {

  private static final int BOUND = 1_000_000;

  private final SecureRandom random = new SecureRandom();

  @Override
  public VerificationCode next() {
    return new VerificationCode(String.format("%06d", random.nextInt(BOUND)));
  }
}
