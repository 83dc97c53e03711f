package com.allthrive.sms.delivery;

import java.util.Optional;

/**
 * Answers an inbound SMS (STOP, START, HELP, ...). The delivery module's inbound webhook calls the
 * one bean of this type and wraps the reply, if any, in TwiML.
 */
public interface InboundSmsHandler {

  Optional<String> handle(InboundSms sms);
}
