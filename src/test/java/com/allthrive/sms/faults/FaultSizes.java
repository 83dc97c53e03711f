package com.allthrive.sms.faults;

import java.time.Duration;

/**
 * How big the scenarios are: the CI size by default (about 200 messages, a 15 s outage); {@code
 * bench/faults.sh} passes the full size (5,000 messages, a 2-minute outage) as system properties.
 *
 * @param messages messages queued per scenario
 * @param latencyMillis how long the fake provider takes to answer a send
 * @param threads dispatch threads per instance ({@code SMS_DISPATCH_THREADS})
 * @param outage how long the provider is down in the outage scenario
 */
record FaultSizes(int messages, int latencyMillis, int threads, Duration outage) {

  static FaultSizes fromSystemProperties() {
    return new FaultSizes(
        Integer.getInteger("faults.messages", 200),
        Integer.getInteger("faults.latency-ms", 500),
        Integer.getInteger("faults.threads", 10),
        Duration.ofSeconds(Integer.getInteger("faults.outage-seconds", 15)));
  }
}
