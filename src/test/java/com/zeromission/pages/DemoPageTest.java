package com.zeromission.pages;

import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * Base of the browser tests that need demo mode (the demo checkout page, the demo users with password {@code demo}):
 * the application with a small demo data set on its own embedded database. One configuration for all of them, so
 * that they share one application context (and its demo load) as the {@link PageTest}s share theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.02", "zeromission.demo.from=2026-11-20",
        "zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false"})
abstract class DemoPageTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
    }

    @LocalServerPort
    int port;

    WebDriver browser = Browser.get();

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
