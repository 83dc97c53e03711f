package com.allthrive.sms.verification;

import com.allthrive.sms.verification.internal.CodeGenerator;
import com.allthrive.sms.verification.internal.VerificationCode;
import java.security.SecureRandom;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Random codes like production, remembered so a test can type the one that was texted. */
class RecordingCodeGenerator implements CodeGenerator {

  private final SecureRandom random = new SecureRandom();
  private final Deque<VerificationCode> issued = new ConcurrentLinkedDeque<>();

  @Override
  public VerificationCode next() {
    var code = new VerificationCode(String.format("%06d", random.nextInt(1_000_000)));
    issued.addLast(code);
    return code;
  }

  /** The digits of the code issued last. */
  String last() {
    return issued.getLast().digits();
  }

  /** A six-digit code that differs from the last one issued. */
  String wrong() {
    String last = last();
    return last.substring(0, 5) + (char) ('0' + (last.charAt(5) - '0' + 1) % 10);
  }
}
