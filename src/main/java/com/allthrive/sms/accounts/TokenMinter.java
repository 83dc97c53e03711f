package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.List;

/** Mints end-user tokens signed with the service's own HS256 secret (demo mode and tests). */
public interface TokenMinter {

  String mint(UserId user, Duration lifetime, List<String> roles);
}
