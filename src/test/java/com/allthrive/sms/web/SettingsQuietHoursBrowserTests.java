package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** A user sets their quiet hours and time zone; the service keeps them or says what is wrong. */
class SettingsQuietHoursBrowserTests extends DemoBrowserTests {

  static final By STATUS = By.id("quiet-status");
  static final By ZONE = By.id("timezone");

  @Test
  void savesQuietHoursAndTimeZoneAndShowsThemAgainAfterReload() {
    var calls = new ServiceCalls(port);
    String token = signInAsNewUser(calls, "ivy");

    setTimes("22:15", "07:45");
    new Select(browser.find(ZONE)).selectByValue("Asia/Tokyo");
    browser.find(By.cssSelector("#quiet-form button[type=submit]")).click();

    browser.untilText(STATUS, "Saved.");
    var view = calls.preferences(token);
    assertThat(view.get("timezone").asString()).isEqualTo("Asia/Tokyo");
    assertThat(view.get("quiet_hours").get("start").asString()).isEqualTo("22:15");
    assertThat(view.get("quiet_hours").get("end").asString()).isEqualTo("07:45");
    browser.driver().navigate().refresh();
    browser.until(d -> "Asia/Tokyo".equals(d.findElement(ZONE).getDomProperty("value")));
    assertThat(browser.find(By.id("quiet-start")).getDomProperty("value")).isEqualTo("22:15");
    assertThat(browser.find(By.id("quiet-end")).getDomProperty("value")).isEqualTo("07:45");
  }

  @Test
  void quietHoursThatStartWhenTheyEndAreRefusedAndNothingIsSaved() {
    var calls = new ServiceCalls(port);
    String token = signInAsNewUser(calls, "jay");

    setTimes("22:00", "22:00");
    new Select(browser.find(ZONE)).selectByValue("Europe/Paris");
    browser.find(By.cssSelector("#quiet-form button[type=submit]")).click();

    browser.untilText(STATUS, "Some fields are invalid; nothing was changed.");
    assertThat(browser.find(STATUS).getText()).contains("start and end must differ");
    var view = calls.preferences(token);
    assertThat(view.get("timezone").asString()).isEqualTo("America/New_York");
    assertThat(view.get("quiet_hours").isNull()).isTrue();
  }

  @Test
  void aWindowWithoutAnEndIsRefusedRatherThanDropped() {
    var calls = new ServiceCalls(port);
    String token = signInAsNewUser(calls, "kim");

    setTimes("21:30", "");
    new Select(browser.find(ZONE)).selectByValue("Europe/Paris");
    browser.find(By.cssSelector("#quiet-form button[type=submit]")).click();

    browser.untilText(STATUS, "Some fields are invalid; nothing was changed.");
    assertThat(browser.find(STATUS).getText()).contains("start and end must be strings");
    var view = calls.preferences(token);
    assertThat(view.get("timezone").asString()).isEqualTo("America/New_York");
    assertThat(view.get("quiet_hours").isNull()).isTrue();
  }

  private String signInAsNewUser(ServiceCalls calls, String user) {
    calls.provision(user, user);
    String token = calls.token(user);
    browser.open("http://localhost:" + port + "/settings?token=" + token);
    browser.until(d -> "America/New_York".equals(d.findElement(ZONE).getDomProperty("value")));
    return token;
  }

  /** Time inputs take their typed form from the browser's locale, so the value is set directly. */
  private static void setTimes(String start, String end) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.getElementById('quiet-start').value = arguments[0];"
                + "document.getElementById('quiet-end').value = arguments[1];",
            start,
            end);
  }
}
