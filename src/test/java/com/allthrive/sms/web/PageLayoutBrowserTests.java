package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/** Each page once its data has arrived: nothing shifts, and it fits a 360 px phone. */
class PageLayoutBrowserTests extends DemoBrowserTests {

  /** The cumulative score of the layout shifts so far that no user input caused. */
  static final String LAYOUT_SHIFT =
      """
      const done = arguments[arguments.length - 1];
      let score = 0;
      const observer = new PerformanceObserver((list) => list.getEntries()
        .filter((e) => !e.hadRecentInput).forEach((e) => { score += e.value; }));
      observer.observe({type: 'layout-shift', buffered: true});
      requestAnimationFrame(() => setTimeout(() => {
        observer.disconnect();
        done(score);
      }, 0));
      """;

  JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver();
  }

  LoadedPages pages() {
    return new LoadedPages(browser, port);
  }

  double layoutShift() {
    return ((Number) js().executeAsyncScript(LAYOUT_SHIFT)).doubleValue();
  }

  /** Delays every response by {@code millis}, so data arrives after the page is first painted. */
  void latency(int millis) {
    var chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline", false, "latency", millis, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @Test
  void dataArrivesWithoutShiftingTheLayoutOnDesktopOrPhone() {
    latency(300);
    try {
      for (String page : LoadedPages.PAGES) {
        pages().open(page);
        assertThat(layoutShift()).as("layout shift on " + page).isLessThan(0.1);
        browser.driver().manage().window().setSize(Browser.PHONE);
        browser.driver().navigate().refresh();
        pages().untilLoaded(page);
        assertThat(layoutShift()).as("layout shift on " + page + " at 360 px").isLessThan(0.1);
      }
    } finally {
      latency(0);
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
    for (String page : LoadedPages.PAGES) {
      pages().open(page);
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
}
