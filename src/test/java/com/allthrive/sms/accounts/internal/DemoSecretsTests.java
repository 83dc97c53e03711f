package com.allthrive.sms.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.accounts.AccountsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo mode's generated keys and JWT secret survive a restart. */
class DemoSecretsTests {

  static final String SECRET = "a-configured-secret-of-at-least-32-bytes";

  @TempDir Path dataDir;

  AccountsSettings settings(
      boolean demo, String secret, List<String> platform, List<String> admin) {
    return new AccountsSettings(
        demo, secret, null, null, null, platform, admin, dataDir.toString());
  }

  @Test
  void aRestartKeepsTheGeneratedKeysAndSecret() throws Exception {
    var first = new CallerKeys(settings(true, null, List.of(), List.of()));
    var second = new CallerKeys(settings(true, null, List.of(), List.of()));

    assertThat(second.demoPlatformKey()).isEqualTo(first.demoPlatformKey()).startsWith("demo-");
    assertThat(second.demoAdminKey()).isEqualTo(first.demoAdminKey());
    assertThat(second.demoAdminKey()).isNotEqualTo(first.demoPlatformKey());
    assertThat(second.jwtSecret()).isEqualTo(first.jwtSecret()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(second.isPlatformKey(first.demoPlatformKey())).isTrue();
    Path file = dataDir.resolve(DemoSecrets.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void configuredKeysAreUsedAndNothingIsWrittenForThem() {
    var keys = new CallerKeys(settings(true, SECRET, List.of("platform-1"), List.of("admin-1")));

    assertThat(keys.demoPlatformKey()).isEqualTo("platform-1");
    assertThat(keys.demoAdminKey()).isEqualTo("admin-1");
    assertThat(Files.exists(dataDir.resolve(DemoSecrets.FILE))).isFalse();
  }

  @Test
  void outsideDemoModeNoKeyIsHandedOut() {
    var keys = new CallerKeys(settings(false, SECRET, List.of("platform-1"), List.of("admin-1")));

    assertThat(keys.demoPlatformKey()).isNull();
    assertThat(keys.demoAdminKey()).isNull();
  }
}
