package com.allthrive.sms.delivery;

import java.time.Instant;

/**
 * A message was canceled before it reached the provider: the send-time re-check refused it, or the
 * number texted STOP while it waited. Published synchronously inside the transaction that cancels
 * it, after the {@link SmsStatusChanged} to {@link MessageStatus#CANCELED}.
 *
 * @param reason the reason code, e.g. {@code opted_out}, {@code category_off}
 */
public record SmsCanceled(long messageId, MessageType type, String reason, Instant at) {}
