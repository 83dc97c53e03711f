package com.allthrive.sms.verification.internal;

/** Where new codes come from: {@link SecureRandomCodeGenerator} unless another bean is primary. */
public interface CodeGenerator {

  VerificationCode next();
}
