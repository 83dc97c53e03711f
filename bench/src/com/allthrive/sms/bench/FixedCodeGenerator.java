package com.allthrive.sms.bench;

import com.allthrive.sms.verification.internal.CodeGenerator;
import com.allthrive.sms.verification.internal.VerificationCode;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Benchmark only, never part of the application: put on the class path with {@code
 * -Dloader.path}, it makes every code {@code BENCH_CODE} (default 246810) so the load generator
 * can answer without reading texts. Everything else (hashing, limits, outbox) runs as in
 * production.
 */
@Component
@Primary
class FixedCodeGenerator implements CodeGenerator {

  private final VerificationCode code =
      new VerificationCode(System.getenv().getOrDefault("BENCH_CODE", "246810"));

  @Override
  public VerificationCode next() {
    return code;
  }
}
