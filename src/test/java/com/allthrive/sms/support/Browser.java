package com.allthrive.sms.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a test class: waits, screenshots at desktop and phone widths
 * under {@code target/screenshots/}, and an axe-core check that fails on serious or critical
 * violations.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Dimension DESKTOP = new Dimension(1280, 900);
  public static final Dimension PHONE = new Dimension(360, 780);

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  public static Browser start() {
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=en-US");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * Opens {@code url} in a tab whose storage for that origin is empty. The storage is cleared on a
   * script-free page of the origin first, so no request still running on a previous page can write
   * a credential back after the clear.
   */
  public void open(String url) {
    driver.manage().window().setSize(DESKTOP);
    driver.get(URI.create(url).resolve("/css/app.css").toString());
    driver.executeScript("sessionStorage.clear(); localStorage.clear();");
    driver.get(url);
  }

  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
  }

  public WebElement visible(By by) {
    return until(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public void untilText(By by, String part) {
    until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(part)));
  }

  /** Saves {@code name-desktop.png} and {@code name-phone.png}, then restores the desktop size. */
  public void screenshots(String name) {
    shoot(name + "-phone", PHONE);
    shoot(name + "-desktop", DESKTOP);
  }

  private void shoot(String name, Dimension size) {
    driver.manage().window().setSize(size);
    until(
        d ->
            ((JavascriptExecutor) d)
                .executeScript("return document.readyState")
                .equals("complete"));
    driver.executeScript("window.scrollTo(0, 0)");
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
  @SuppressWarnings("unchecked")
  public void assertAccessible() {
    driver.executeScript(axeSource());
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' ||"
                + " v.impact === 'critical').map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                + ".catch(e => done([{id: 'axe-error', help: String(e)}]));");
    List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
    assertThat(violations).as("serious or critical accessibility violations").isEmpty();
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
