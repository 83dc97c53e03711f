package com.allthrive.sms.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImmediateDispatchThreadsTests {

  @Test
  void virtualThreadsCarryMoreSendsThanPlatformThreadsByDefault() {
    assertThat(ImmediateDispatch.threads(0, true)).isEqualTo(200);
    assertThat(ImmediateDispatch.threads(0, false)).isEqualTo(150);
  }

  @Test
  void aConfiguredCountWinsOnEitherKindOfThread() {
    assertThat(ImmediateDispatch.threads(40, true)).isEqualTo(40);
    assertThat(ImmediateDispatch.threads(40, false)).isEqualTo(40);
  }
}
