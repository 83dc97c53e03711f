package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;

/** A message whose send went unanswered: its destination, real text and when the send began. */
public record LookupRequest(long messageId, PhoneNumber to, String body, Instant sendStartedAt) {}
