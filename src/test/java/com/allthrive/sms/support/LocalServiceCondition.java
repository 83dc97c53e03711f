package com.allthrive.sms.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class only when a local service answers; in CI its absence is a failure. */
abstract class LocalServiceCondition implements ExecutionCondition {

  private final String name;
  private final BooleanSupplier available;

  LocalServiceCondition(String name, BooleanSupplier available) {
    this.name = name;
    this.available = available;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (available.getAsBoolean()) {
      return ConditionEvaluationResult.enabled(name + " is available");
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(name + " is required when CI=true but is not reachable");
    }
    String reason = name + " is not reachable on localhost; skipping " + context.getDisplayName();
    System.out.println("SKIPPED: " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  static final class Postgres extends LocalServiceCondition {
    Postgres() {
      super("PostgreSQL", TestDatabases::postgresReachable);
    }
  }

  static final class Redis extends LocalServiceCondition {
    Redis() {
      super("Redis", () -> portOpen(6379));
    }
  }

  static final class Chromium extends LocalServiceCondition {
    Chromium() {
      super("Chromium with chromedriver", Browser::available);
    }
  }

  static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
