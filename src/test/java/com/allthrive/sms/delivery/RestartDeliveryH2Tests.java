package com.allthrive.sms.delivery;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class RestartDeliveryH2Tests extends RestartDeliveryTests {

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
