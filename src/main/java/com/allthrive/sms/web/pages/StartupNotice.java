package com.allthrive.sms.web.pages;

import com.allthrive.sms.accounts.DemoAccess;
import java.io.PrintStream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In demo mode the start ends with one block: where to go first, the keys, and the demo users with
 * their example numbers. It goes to standard output, not the log, because it holds keys.
 */
@Component
class StartupNotice {

  private final DemoAccess demo;
  private final Environment environment;
  private final PrintStream out;

  StartupNotice(DemoAccess demo, Environment environment) {
    this.demo = demo;
    this.environment = environment;
    this.out = System.out;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void print() {
    if (demo.enabled()) {
      out.println(text());
    }
  }

  String text() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    String swagger = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
    StringBuilder block = new StringBuilder("\n==== allthrive-sms is running in demo mode ====\n");
    block.append("  Start here:  ").append(base).append("/demo\n");
    block.append("  Settings:    ").append(base).append("/settings\n");
    block.append("  Admin:       ").append(base).append("/admin\n");
    block.append("  Swagger UI:  ").append(base).append(swagger).append('\n');
    block
        .append("  Platform key (X-Api-Key): ")
        .append(demo.platformKey().orElse("-"))
        .append('\n');
    block.append("  Admin key    (X-Api-Key): ").append(demo.adminKey().orElse("-")).append('\n');
    block.append("  Demo users (POST /api/v1/demo/tokens {\"user_id\": ...} for a token):\n");
    for (var user : demo.users()) {
      block
          .append("    ")
          .append(String.format("%-12s", user.id().value()))
          .append(user.phoneNumber() == null ? "no number" : user.phoneNumber().e164())
          .append(user.hasVerifiedPhone() ? " (verified)" : "")
          .append('\n');
    }
    return block.append("==============================================\n").toString();
  }
}
