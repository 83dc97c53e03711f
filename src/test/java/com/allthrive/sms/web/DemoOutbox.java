package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.Browser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/** Reads a verification code from the demo console in a second tab, as a newcomer would. */
final class DemoOutbox {

  private DemoOutbox() {}

  static String code(Browser browser, int port, String number) {
    String settings = browser.driver().getWindowHandle();
    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.driver().get("http://localhost:" + port + "/demo");
    By bubble = By.cssSelector("#outbox li[data-to='" + number + "'] .bubble");
    browser.until(d -> d.findElements(bubble).stream().anyMatch(e -> e.getText().contains("code")));
    String text = browser.find(bubble).getText();
    browser.driver().close();
    browser.driver().switchTo().window(settings);
    Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(digits.find()).as("a code in " + text).isTrue();
    return digits.group(1);
  }
}
