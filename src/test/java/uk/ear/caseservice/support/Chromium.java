package uk.ear.caseservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium per test, from Debian's {@code chromium} and {@code chromium-driver}
 * packages only: both paths are given explicitly, so Selenium Manager never runs and nothing is
 * downloaded. Register it with {@code @RegisterExtension} on a {@link RequiresChromium} class; it
 * starts the browser before each test (fresh profile, Europe/London time zone like the workers),
 * saves a screenshot under {@code target/screenshots} when a test fails, and quits afterwards.
 */
public final class Chromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  // Selenium has no DevTools bindings for every Chromium release and warns about it; the tests use
  // WebDriver only. Strong references: java.util.logging forgets the level of unreferenced loggers.
  private static final Logger[] QUIET = {
    Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
    Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver")
  };

  static {
    for (Logger logger : QUIET) {
      logger.setLevel(Level.SEVERE);
    }
  }

  private WebDriver driver;
  private Path profile;

  /** The browser of the running test. */
  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("Chromium runs only during a test (register with @RegisterExtension)");
    }
    return driver;
  }

  /** Saves what the browser shows to {@code target/screenshots/<name>.png} and returns the file. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole page, beyond the window, to {@code target/screenshots/<name>.png}. */
  public Path fullPageScreenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      var chrome = (org.openqa.selenium.chromium.ChromiumDriver) driver();
      @SuppressWarnings("unchecked")
      var metrics = (java.util.Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
      @SuppressWarnings("unchecked")
      var size = (java.util.Map<String, Number>) metrics.get("cssContentSize");
      var shot =
          chrome.executeCdpCommand(
              "Page.captureScreenshot",
              java.util.Map.of(
                  "captureBeyondViewport", true,
                  "clip", java.util.Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
      Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    profile = Files.createTempDirectory("ear-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            // the browser's time zone is the one Tasklist shows and form-js serializes dates in
            .withEnvironment(Map.of("TZ", "Europe/London"))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver != null && context.getExecutionException().isPresent()) {
      try {
        screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-failure");
      } catch (RuntimeException e) {
        context.getExecutionException().get().addSuppressed(e);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (profile != null) {
        try {
          FileSystemUtils.deleteRecursively(profile);
        } catch (IOException ignored) {
          // a temp directory left behind is harmless
        }
        profile = null;
      }
    }
  }

  /** Enables the class where both packages are installed; in CI a missing browser fails the run. */
  public static class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean browser = Files.isExecutable(BROWSER);
      boolean driver = Files.isExecutable(DRIVER);
      if (browser && driver) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver installed");
      }
      String why =
          (browser ? "" : BROWSER + " missing (apt-get install chromium) ")
              + (driver ? "" : DRIVER + " missing (apt-get install chromium-driver)");
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why.strip() + " (CI=true: browser tests must run)");
      }
      return ConditionEvaluationResult.disabled(why.strip());
    }
  }
}
