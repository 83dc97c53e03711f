package com.allthrive.sms.accounts.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The keys and JWT secret demo mode generates, kept in {@code demo-secrets.properties} under {@code
 * SMS_DATA_DIR} (readable by the owner only) so copied keys and minted tokens survive a restart.
 */
final class DemoSecrets {

  static final String FILE = "demo-secrets.properties";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Properties values = new Properties();

  DemoSecrets(String dataDir) {
    this.file = Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir).resolve(FILE);
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  /** The value kept under {@code name}, generated ({@code prefix} + random) and saved if absent. */
  synchronized String get(String name, String prefix, int randomBytes) {
    String value = values.getProperty(name);
    if (value == null || value.isBlank()) {
      value = prefix + random(randomBytes);
      values.setProperty(name, value);
      save();
    }
    return value;
  }

  private void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
        restrict(file);
      }
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        values.store(out, "Generated in demo mode; delete this file to get new ones");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static void restrict(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
