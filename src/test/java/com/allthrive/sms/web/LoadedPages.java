package com.allthrive.sms.web;

import com.allthrive.sms.support.Browser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;

/** Opens the settings, admin and demo pages and waits until all they load from the API is in. */
final class LoadedPages {

  static final String ACHIEVEMENT = "Layout Check";
  static final List<String> PAGES = List.of("/settings", "/admin", "/demo");
  private static final Set<Integer> SEEDED = new HashSet<>();

  private final Browser browser;
  private final int port;

  LoadedPages(Browser browser, int port) {
    this.browser = browser;
    this.port = port;
  }

  /**
   * Opens {@code page} with data to show: /settings as demo-alice through a platform token, /admin
   * signed in with the demo admin key (then reloaded, so the load is not user input).
   */
  void open(String page) {
    var calls = new ServiceCalls(port);
    if (SEEDED.add(port)) {
      calls.achievement("demo-alice", ACHIEVEMENT);
    }
    String base = "http://localhost:" + port;
    if (page.equals("/admin")) {
      browser.open(base + "/admin");
      browser.visible(By.id("use-demo-key")).click();
      untilLoaded(page);
      browser.driver().navigate().refresh();
    } else {
      String query = page.equals("/settings") ? "?token=" + calls.token("demo-alice") : "";
      browser.open(base + page + query);
    }
    untilLoaded(page);
  }

  void untilLoaded(String page) {
    switch (page) {
      case "/settings" -> {
        browser.untilText(By.id("recent-rows"), ACHIEVEMENT);
        untilFilled("consent-rows");
        browser.until(d -> d.findElement(By.cssSelector("button[role=switch]")).isEnabled());
      }
      case "/admin" -> {
        browser.untilText(By.id("log-rows"), "achievement_unlock");
        untilFilled("decision-rows", "cost-users", "alerts", "decision-counts", "delivery");
      }
      default -> {
        browser.untilText(By.id("outbox"), ACHIEVEMENT);
        browser.untilText(By.id("outbox-live"), "live");
      }
    }
  }

  void untilFilled(String... ids) {
    for (String id : ids) {
      browser.until(
          d -> {
            String text = d.findElement(By.id(id)).getText();
            return !text.isBlank() && !text.contains("Loading");
          });
    }
  }
}
