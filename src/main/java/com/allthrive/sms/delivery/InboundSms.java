package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.PhoneNumber;

/**
 * A text a person sent to our number, as Twilio's inbound webhook reports it (signature checked).
 *
 * @param from the sender
 * @param body the text, never null
 * @param optOutType Twilio's {@code OptOutType} (STOP, START, HELP) when Advanced Opt-Out set it,
 *     else null
 * @param messageSid Twilio's id of the inbound message
 */
public record InboundSms(PhoneNumber from, String body, String optOutType, String messageSid) {}
