package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** What the page reports from the user's records: the day's quota and the consent history file. */
class SettingsRecordsBrowserTests extends DemoBrowserTests {

  static final String CSV_HEADER =
      "occurred_at,action,category,method,phone_number,disclosure_text,reference";

  @Test
  void theDaysQuotaIsTheServicesFigureAfterAText() {
    var calls = new ServiceCalls(port);
    String chloe = calls.token("demo-chloe");
    int before = calls.preferences(chloe).get("remaining_today").asInt();
    calls.achievement("demo-chloe", "Tenth Trail");
    browser.until(d -> calls.preferences(chloe).get("remaining_today").asInt() < before);

    browser.open("http://localhost:" + port + "/settings?token=" + chloe);
    browser.untilText(By.id("recent-rows"), "Tenth Trail");

    var view = calls.preferences(chloe);
    assertThat(browser.find(By.id("remaining-day")).getText())
        .isEqualTo(view.get("remaining_today").asString())
        .isEqualTo(String.valueOf(before - 1));
  }

  @Test
  void theConsentCsvHasAHeaderAndOneRecordPerEventShown() {
    var calls = new ServiceCalls(port);
    String bob = calls.token("demo-bob");
    calls.patchPreferences(bob, "{\"allow_sms_battle_results\":false}");
    calls.patchPreferences(bob, "{\"allow_sms_invitations\":false}");
    browser.open("http://localhost:" + port + "/settings?token=" + bob);
    browser.until(d -> d.findElements(By.cssSelector("#consent-rows tr")).size() >= 3);
    List<WebElement> shown = browser.driver().findElements(By.cssSelector("#consent-rows tr"));

    var page = (JavascriptExecutor) browser.driver();
    page.executeScript(
        "const create = URL.createObjectURL;"
            + "URL.createObjectURL = (blob) => { window.csvBlob = blob; return create(blob); };"
            + "HTMLAnchorElement.prototype.click = function () { window.csvName = this.download; };");
    browser.find(By.id("consent-csv")).click();
    Object name = page.executeScript("return window.csvName;");
    // encoded, so the line ends reach the test as they are in the file
    String encoded =
        (String)
            page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "window.csvBlob.text().then((t) => done(encodeURIComponent(t)));");

    String text = URLDecoder.decode(encoded, StandardCharsets.UTF_8);

    assertThat(name).isEqualTo("sms-consent-history.csv");
    assertThat(text).as("the file").startsWith(CSV_HEADER + "\r\n");
    List<List<String>> records = csv(text);
    assertThat(String.join(",", records.get(0))).isEqualTo(CSV_HEADER);
    assertThat(records).hasSize(shown.size() + 1);
    for (int i = 0; i < shown.size(); i++) {
      List<String> record = records.get(i + 1);
      List<WebElement> cells = shown.get(i).findElements(By.tagName("td"));
      String what = (record.get(1) + " " + record.get(2)).trim();
      assertThat(cells.get(1).getText()).isEqualTo(what);
      assertThat(cells.get(2).getText()).isEqualTo(record.get(3));
    }
    assertThat(records.subList(1, records.size()))
        .allSatisfy(record -> assertThat(record.get(4)).isEqualTo("+14155550123"));
  }

  /** Records of RFC 4180 text: CRLF between records, quoted fields may hold commas and quotes. */
  private static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (!quoted && c == '\r' && text.startsWith("\r\n", i)) {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return records;
  }
}
