package com.allthrive.sms.delivery.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.delivery.MessageStatus;
import org.junit.jupiter.api.Test;

class TwilioStatusesTests {

  @Test
  void mapsTwilioStatusesOntoOurs() {
    assertThat(TwilioStatuses.map("queued")).contains(MessageStatus.SENT);
    assertThat(TwilioStatuses.map("accepted")).contains(MessageStatus.SENT);
    assertThat(TwilioStatuses.map("sending")).contains(MessageStatus.SENT);
    assertThat(TwilioStatuses.map("sent")).contains(MessageStatus.SENT);
    assertThat(TwilioStatuses.map("delivered")).contains(MessageStatus.DELIVERED);
    assertThat(TwilioStatuses.map("read")).contains(MessageStatus.DELIVERED);
    assertThat(TwilioStatuses.map("undelivered")).contains(MessageStatus.UNDELIVERED);
    assertThat(TwilioStatuses.map("failed")).contains(MessageStatus.FAILED);
    assertThat(TwilioStatuses.map("canceled")).contains(MessageStatus.FAILED);
    assertThat(TwilioStatuses.map("Delivered")).contains(MessageStatus.DELIVERED);
  }

  @Test
  void ignoresInboundAndUnknownStatuses() {
    assertThat(TwilioStatuses.map("received")).isEmpty();
    assertThat(TwilioStatuses.map("receiving")).isEmpty();
    assertThat(TwilioStatuses.map("teleported")).isEmpty();
    assertThat(TwilioStatuses.map(null)).isEmpty();
  }
}
