package com.allthrive.sms.accounts.internal;

import com.allthrive.sms.accounts.AccountsSettings;
import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode seeds a few users with verified example numbers (the 555-01xx range, which no one
 * owns), once: users that exist are left as they are.
 */
@Component
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String username, String displayName, String zone, String phone) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("demo-alice", "alice", "Alice Rivera", "America/New_York", "+12025550143"),
          new DemoUser("demo-bob", "bob", "Bob Chen", "America/Los_Angeles", "+14155550123"),
          new DemoUser("demo-chloe", "chloe", "Chloé Tremblay", "America/Toronto", "+16135550142"));

  static final String SEED_DISCLOSURE = "Demo user, seeded with a verified example number.";

  private final AccountsSettings settings;
  private final AccountService accounts;
  private final TransactionTemplate tx;
  private final Clock clock;

  DemoUsers(
      AccountsSettings settings, AccountService accounts, TransactionTemplate tx, Clock clock) {
    this.settings = settings;
    this.accounts = accounts;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.demo()) {
      return;
    }
    for (DemoUser user : USERS) {
      tx.executeWithoutResult(status -> seed(user));
    }
  }

  private void seed(DemoUser user) {
    UserId id = new UserId(user.id());
    if (accounts.findForUpdate(id).isPresent()) {
      return;
    }
    PhoneNumber phone = new PhoneNumber(user.phone());
    accounts.upsert(id, user.username(), user.displayName(), ZoneId.of(user.zone()), phone);
    var evidence = new ConsentEvidence(null, "demo-seed", SEED_DISCLOSURE);
    var outcome = accounts.markVerified(id, phone, clock.instant(), evidence);
    log.info("Seeded demo user {} with {} ({})", id, phone, outcome);
  }
}
