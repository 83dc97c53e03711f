package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Keyboard focus on each page: always visible, and in the order the controls are on screen. */
class PageKeyboardBrowserTests extends DemoBrowserTests {

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

  JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver();
  }

  LoadedPages pages() {
    return new LoadedPages(browser, port);
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
    for (String page : LoadedPages.PAGES) {
      pages().open(page);
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
    pages().open("/settings");
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
    pages().open("/demo");
    var form =
        (List<?>)
            js().executeScript(
                    "return [...document.querySelector('form.event').elements].map((e) =>"
                        + " e.id || e.tagName + ' ' + e.textContent.trim());");
    var visited = tabTo((String) form.get(form.size() - 1));
    assertThat(names(visited, form)).isEqualTo(form);
  }
}
