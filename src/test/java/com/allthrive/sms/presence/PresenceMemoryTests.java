package com.allthrive.sms.presence;

/** Presence with the in-memory registry (no {@code REDIS_URL}). */
class PresenceMemoryTests extends PresenceTests {}
