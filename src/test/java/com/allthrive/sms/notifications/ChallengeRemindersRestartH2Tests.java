package com.allthrive.sms.notifications;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** On an H2 file database, which outlives the first run (an in-memory one closes with it). */
class ChallengeRemindersRestartH2Tests extends ChallengeRemindersRestartTests {

  @TempDir Path folder;

  @Override
  Map<String, Object> database() {
    return Map.of(
        "spring.datasource.url",
        "jdbc:h2:file:"
            + folder.resolve("sms")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.datasource.username",
        "sa",
        "spring.datasource.password",
        "");
  }
}
