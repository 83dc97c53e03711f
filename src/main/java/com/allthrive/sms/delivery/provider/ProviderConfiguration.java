package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.DeliverySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one provider {@code SMS_PROVIDER} names; Twilio without its settings fails the start. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

  @Bean
  ProviderCircuit providerCircuit(DeliverySettings settings, Clock clock, MeterRegistry registry) {
    return new ProviderCircuit(settings, clock, registry);
  }

  @Bean
  SmsProvider smsProvider(
      DeliverySettings settings,
      RecentConsoleMessages console,
      ProviderCircuit circuit,
      Clock clock) {
    if (settings.provider() == null) {
      throw new IllegalStateException("Missing setting SMS_PROVIDER (console or twilio)");
    }
    if (settings.provider() == DeliverySettings.Provider.TWILIO) {
      TwilioSettingsCheck.requireComplete(settings);
      log.info("SMS provider: Twilio ({})", settings.twilio());
      return new CircuitBreakingProvider(new TwilioProvider(settings), circuit);
    }
    log.info("SMS provider: console (texts are logged, not sent)");
    return new ConsoleProvider(console, clock);
  }
}
