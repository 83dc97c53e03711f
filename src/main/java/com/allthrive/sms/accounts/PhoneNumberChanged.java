package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;

/**
 * A user's number was set, changed or removed ({@code current} null); any verification of the old
 * number is gone. Published inside the changing transaction.
 *
 * @param method how: {@code web} (the user), {@code api} (the platform)
 */
public record PhoneNumberChanged(
    UserId user, PhoneNumber previous, PhoneNumber current, String method, Instant at) {}
