package com.zeromission.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the screenshots in docs/screenshots from a running product with the demo data (bin/screenshots starts one):
 * signs in as the demo analyst and visits the main pages. Not a test: the pictures are for people.
 */
public final class DocsScreenshots {

    private DocsScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path out = Path.of(args.length > 1 ? args[1] : "docs/screenshots");
        Files.createDirectories(out);
        WebDriver b = Browser.get();
        var wait = new WebDriverWait(b, Duration.ofSeconds(30));
        b.get(base + "/login");
        shoot(b, out, "login");
        b.findElement(By.id("username")).sendKeys("analyst");
        b.findElement(By.id("password")).sendKeys("demo");
        b.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cpm-chart")));
        wait.until(d -> "true".equals(d.findElement(By.id("cpm-chart")).getDomAttribute("data-rendered")));
        shoot(b, out, "dashboard");
        b.get(base + "/problems");
        shoot(b, out, "problems");
        var first = b.findElements(By.cssSelector("main table a[href*='/problems/']"));
        if (!first.isEmpty()) {
            b.get(first.getFirst().getDomProperty("href"));
            shoot(b, out, "problem");
            var write = b.findElements(By.id("write-insight"));
            if (!write.isEmpty()) {
                b.get(write.getFirst().getDomProperty("href"));
                shoot(b, out, "insight-form");
            }
        }
        b.get(base + "/insights");
        shoot(b, out, "insight-board");
        var card = b.findElements(By.cssSelector("#board .insight-card a.title"));
        if (!card.isEmpty()) {
            b.get(card.getFirst().getDomProperty("href"));
            shoot(b, out, "insight");
        }
        b.get(base + "/teams");
        shoot(b, out, "teams");
        b.get(base + "/imports");
        shoot(b, out, "imports");
        b.get(base + "/feedback?lang=sv");
        shoot(b, out, "feedback");
        b.quit();
        System.exit(0);
    }

    private static void shoot(WebDriver b, Path out, String name) throws Exception {
        Files.write(out.resolve(name + ".png"), ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + out.resolve(name + ".png"));
    }
}
