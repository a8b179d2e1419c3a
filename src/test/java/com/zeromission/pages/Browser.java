package com.zeromission.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One real headless Chromium for the whole test JVM: Debian's chromium driven through Debian's chromedriver
 * (bin/test installs both). Nothing is downloaded: the driver and browser paths are given, so Selenium Manager is
 * never asked. A missing browser fails the tests with the command that installs it; browser tests never skip.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ZM_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ZM_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static ChromeDriver driver;

    private Browser() {
    }

    static synchronized WebDriver get() {
        if (driver == null) {
            if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
                throw new IllegalStateException("The browser tests need Debian's Chromium and ChromeDriver at " + CHROMIUM
                        + " and " + CHROMEDRIVER + ": run bin/test (it installs them) or apt-get install chromium chromium-driver");
            }
            Path profile;
            try {
                profile = Files.createTempDirectory("zm-chromium-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The network here is closed: background services of the browser would only produce refused connections.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> driver.quit()));
        }
        return driver;
    }

    /**
     * Saves what the browser shows under target/screenshots; with -Dzeromission.docs.screenshots=DIR also there
     * (that is how docs/screenshots are refreshed: see docs/web.md).
     */
    static void screenshot(String name) {
        byte[] png = ((TakesScreenshot) get()).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), png);
            String docs = System.getProperty("zeromission.docs.screenshots");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Files.write(Path.of(docs, name + ".png"), png);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }
}
