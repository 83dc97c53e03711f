package com.allthrive.sms.preferences.internal;

import com.allthrive.sms.delivery.InboundSms;
import com.allthrive.sms.delivery.InboundSmsHandler;
import com.allthrive.sms.preferences.PreferencesSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers STOP, START and HELP texted to our number (see {@link Keywords} for what counts as one).
 * STOP and START change the opt-out list and the ledger in one transaction; other texts get no
 * reply. When Twilio flagged the keyword ({@code OptOutType}), Advanced Opt-Out has already
 * replied, so we stay silent unless {@code sms.preferences.reply-when-provider-flagged} is set.
 */
@Component
class KeywordReplies implements InboundSmsHandler {

  private static final Logger log = LoggerFactory.getLogger(KeywordReplies.class);

  private final ConsentRecorder recorder;
  private final PreferencesSettings settings;
  private final Clock clock;

  KeywordReplies(ConsentRecorder recorder, PreferencesSettings settings, Clock clock) {
    this.recorder = recorder;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Optional<String> handle(InboundSms sms) {
    Keyword keyword = Keywords.classify(sms.body(), sms.optOutType());
    if (keyword == Keyword.NONE) {
      return Optional.empty();
    }
    boolean flagged = Keywords.flag(sms.optOutType()) != Keyword.NONE;
    boolean silent = flagged && !settings.replyWhenProviderFlagged();
    Optional<String> reply = silent ? Optional.empty() : Optional.of(text(keyword));
    String shown = reply.orElse(null);
    Instant now = clock.instant();
    if (keyword == Keyword.STOP) {
      recorder.optOut(sms.from(), ConsentMethod.SMS_KEYWORD, sms.messageSid(), shown, now);
    } else if (keyword == Keyword.START) {
      recorder.optIn(sms.from(), sms.messageSid(), shown, now);
    }
    log.info("Inbound {} from {}", keyword, sms.from());
    return reply;
  }

  private String text(Keyword keyword) {
    switch (keyword) {
      case STOP:
        return settings.stopConfirmation();
      case START:
        return settings.startConfirmation();
      default:
        return settings.help();
    }
  }
}
