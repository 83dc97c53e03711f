package com.allthrive.sms.accounts;

import java.util.List;
import java.util.Optional;

/**
 * What the demo console may know in demo mode: a platform key and an admin key to act with (the
 * configured ones, or those generated and kept under {@code SMS_DATA_DIR}), and the seeded demo
 * users. Outside demo mode the keys are empty and there are no demo users.
 */
public interface DemoAccess {

  boolean enabled();

  Optional<String> platformKey();

  Optional<String> adminKey();

  /** The seeded demo users as they are now (a user may have changed their number). */
  List<Account> users();
}
