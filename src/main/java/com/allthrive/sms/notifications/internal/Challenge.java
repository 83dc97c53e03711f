package com.allthrive.sms.notifications.internal;

import java.time.Instant;

/** A challenge the platform asked to be reminded of. */
record Challenge(String id, String title, String url, Instant deadline) {}
