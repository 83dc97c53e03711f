package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.shared.PhoneNumber;
import java.time.Duration;

/**
 * One text to send.
 *
 * @param messageId the log row's id, echoed back on status callbacks
 * @param body the real text
 * @param loggedBody the text a log line may show (a verification code redacted)
 * @param validity how long the provider may keep trying before dropping it
 */
public record SendRequest(
    long messageId,
    PhoneNumber to,
    MessageType type,
    String body,
    String loggedBody,
    Duration validity) {}
