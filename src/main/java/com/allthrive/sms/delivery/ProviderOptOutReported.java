package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;

/**
 * The provider refused a send because the number has opted out (Twilio error 21610). Published
 * synchronously inside the transaction that records the failure.
 */
public record ProviderOptOutReported(PhoneNumber number, long messageId, Instant at) {}
