package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;

/**
 * A user proved they own {@code number}; this is also their SMS opt-in. Published inside the
 * verifying transaction, so the consent record commits with it.
 */
public record PhoneVerified(
    UserId user, PhoneNumber number, Instant at, ConsentEvidence evidence) {}
