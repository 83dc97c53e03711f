package com.allthrive.sms.support;

/** The keys every integration test configures (see {@code application-test.yml}). */
public final class TestKeys {

  public static final String PLATFORM_KEY = "test-platform-key";
  public static final String ADMIN_KEY = "test-admin-key";
  public static final String JWT_SECRET = "test-jwt-secret-that-is-at-least-32-bytes-long";

  private TestKeys() {}
}
