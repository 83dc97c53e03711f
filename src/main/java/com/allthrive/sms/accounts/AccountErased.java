package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.UserId;
import java.time.Instant;

/** The platform erased a user; published inside the erasing transaction. */
public record AccountErased(UserId user, Instant at) {}
