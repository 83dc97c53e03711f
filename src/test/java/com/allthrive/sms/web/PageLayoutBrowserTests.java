package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.Browser;
import com.allthrive.sms.support.RequiresChromium;
import com.allthrive.sms.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each page once its data has arrived: nothing shifts, it fits a 360 px phone, keyboard focus is
 * visible and follows the order of the controls on screen.
 */
@RequiresChromium
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sms.demo=true")
@ActiveProfiles("test")
class PageLayoutBrowserTests {

  static final String ACHIEVEMENT = "Layout Check";
  static final List<String> PAGES = List.of("/settings", "/admin", "/demo");

  /** The cumulative score of the layout shifts so far that no user input caused. */
  static final String LAYOUT_SHIFT =
      """
      const done = arguments[arguments.length - 1];
      let score = 0;
      const observer = new PerformanceObserver((list) => list.getEntries()
        .filter((e) => !e.hadRecentInput).forEach((e) => { score += e.value; }));
      observer.observe({type: 'layout-shift', buffered: true});
      requestAnimationFrame(() => setTimeout(() => {
        observer.takeRecords().filter((e) => !e.hadRecentInput).forEach((e) => { score += e.value; });
        observer.disconnect();
        done(score);
      }, 0));
      """;

  /** The focused control, with its focus indicator now and before it had focus. */
  static final String ACTIVE =
      """
      const e = document.activeElement;
      const look = (s) => `${s.outlineStyle} ${s.outlineWidth} / ${s.boxShadow}`;
      const style = getComputedStyle(e);
      const clone = e.cloneNode(false);
      e.parentNode.insertBefore(clone, e);
      const unfocused = look(getComputedStyle(clone));
      clone.remove();
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return {
        name: e.id || e.dataset.field || e.tagName + ' ' + (e.textContent || '').trim(),
        focused: look(style), unfocused,
        indicated: outline || style.boxShadow !== 'none'};
      """;

  static Browser browser;
  static boolean seeded;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver();
  }

  /** Opens {@code page} and waits until every part of it that loads from the API has loaded. */
  void openLoaded(String page) {
    var calls = new ServiceCalls(port);
    if (!seeded) {
      calls.achievement("demo-alice", ACHIEVEMENT);
      seeded = true;
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

  double layoutShift() {
    return ((Number) js().executeAsyncScript(LAYOUT_SHIFT)).doubleValue();
  }

  @Test
  void dataArrivesWithoutShiftingTheLayoutOnDesktopOrPhone() {
    for (String page : PAGES) {
      openLoaded(page);
      assertThat(layoutShift()).as("layout shift on " + page).isLessThan(0.1);
      browser.driver().manage().window().setSize(Browser.PHONE);
      browser.driver().navigate().refresh();
      untilLoaded(page);
      assertThat(layoutShift()).as("layout shift on " + page + " at 360 px").isLessThan(0.1);
    }
  }

  @Test
  void atPhoneWidthNothingScrollsSidewaysAndTheMainControlsFit() {
    var controls =
        Map.of(
            "/settings",
            "#sign-out, #phone-input, #verify-button, button[role=switch], #quiet-start, #timezone",
            "/admin",
            "#f-status, #f-number, #log-filters button, #log-prev, #log-next, #d-reason",
            "/demo",
            "#dm-sender, #dm-text, form.event button, #inbound-from, #inbound-form button");
    for (String page : PAGES) {
      openLoaded(page);
      browser.driver().manage().window().setSize(Browser.PHONE);
      browser.until(d -> js().executeScript("return window.innerWidth <= 360"));
      assertThat(
              js().executeScript(
                      "return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("no sideways scrolling on " + page)
          .isEqualTo(true);
      var wide =
          js().executeScript(
                  """
                  return [...document.querySelectorAll(arguments[0])]
                    .filter((e) => { const r = e.getBoundingClientRect();
                      return r.width === 0 || r.left < 0 || r.right > window.innerWidth; })
                    .map((e) => e.id || e.textContent.trim());
                  """,
                  controls.get(page));
      assertThat((List<?>) wide).as("controls hidden or cut off on " + page).isEmpty();
    }
  }

  /** Presses TAB from where focus is until {@code last} has focus; the controls it visited. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> tabTo(String last) {
    var visited = new ArrayList<Map<String, Object>>();
    while (visited.isEmpty() || !last.equals(visited.get(visited.size() - 1).get("name"))) {
      assertThat(visited).as("controls reached before " + last).hasSizeLessThan(40);
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      visited.add((Map<String, Object>) js().executeScript(ACTIVE));
    }
    return visited;
  }

  @Test
  void keyboardFocusIsVisibleOnEveryControlItReaches() {
    var lastControl =
        Map.of("/settings", "allow_sms_battle_results", "/admin", "d-reason", "/demo", "dm-text");
    for (String page : PAGES) {
      openLoaded(page);
      for (var control : tabTo(lastControl.get(page))) {
        assertThat(control.get("indicated")).as("focus shows on " + control).isEqualTo(true);
        assertThat(control.get("focused"))
            .as("focus changes the look of " + control)
            .isNotEqualTo(control.get("unfocused"));
      }
    }
  }

  List<String> names(List<Map<String, Object>> visited, List<?> wanted) {
    return visited.stream().map(c -> (String) c.get("name")).filter(wanted::contains).toList();
  }

  @Test
  void onSettingsTabGoesFromThePhoneFieldToVerifyAndThenDownTheSwitches() {
    openLoaded("/settings");
    var onScreen =
        (List<?>)
            js().executeScript(
                    """
                    const top = (e) => e.getBoundingClientRect().top;
                    const switches = [...document.querySelectorAll('button[role=switch]')];
                    return ['phone-input', 'verify-button', ...switches
                      .sort((a, b) => top(a) - top(b)).map((e) => e.dataset.field)];
                    """);
    var visited = tabTo((String) onScreen.get(onScreen.size() - 1));
    assertThat(names(visited, onScreen)).isEqualTo(onScreen);
  }

  @Test
  void onDemoTabGoesThroughTheFirstFormInOrder() {
    openLoaded("/demo");
    var form =
        (List<?>)
            js().executeScript(
                    "return [...document.querySelector('form.event').elements].map((e) =>"
                        + " e.id || e.tagName + ' ' + e.textContent.trim());");
    var visited = tabTo((String) form.get(form.size() - 1));
    assertThat(names(visited, form)).isEqualTo(form);
  }
}
