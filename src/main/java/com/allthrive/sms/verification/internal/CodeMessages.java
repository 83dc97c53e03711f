package com.allthrive.sms.verification.internal;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.delivery.OutgoingSms;
import com.allthrive.sms.delivery.Priority;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import com.allthrive.sms.verification.VerificationSettings;
import org.springframework.stereotype.Component;

/**
 * The code's SMS, in the platform's words. The log keeps the text with the code redacted; the
 * outbox seals the real text until it is sent.
 */
@Component
class CodeMessages {

  static final String REDACTED = "******";

  private final VerificationSettings settings;

  CodeMessages(VerificationSettings settings) {
    this.settings = settings;
  }

  OutgoingSms of(UserId user, PhoneNumber to, VerificationCode code, long codeId) {
    return new OutgoingSms(
        "verification:" + user.value() + ":" + codeId,
        to,
        MessageType.PHONE_VERIFICATION,
        text(code.digits()),
        text(REDACTED),
        user,
        user,
        null,
        null,
        Priority.HIGH,
        null,
        settings.codeTtl());
  }

  String text(String code) {
    return "Your "
        + settings.brandName()
        + " verification code is: "
        + code
        + "\n\nThis code expires in "
        + lifetime()
        + ".";
  }

  private String lifetime() {
    long minutes = Math.max(1, (settings.codeTtl().toSeconds() + 59) / 60);
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
