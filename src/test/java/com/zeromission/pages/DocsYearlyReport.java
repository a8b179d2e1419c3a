package com.zeromission.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Prints the yearly report from a running product with the demo data (bin/yearly-report starts one) to
 * {@code yearly-YEAR.pdf} through Chromium's print (so with the print stylesheet: no navigation, a page per part),
 * and photographs the page as {@code yearly-YEAR.png}. Not a test: the outputs are for people.
 */
public final class DocsYearlyReport {

    private DocsYearlyReport() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String year = args.length > 1 ? args[1] : String.valueOf(java.time.LocalDate.now().getYear());
        Path out = Path.of(args.length > 2 ? args[2] : "docs/reports");
        Files.createDirectories(out);
        WebDriver b = Browser.get();
        var wait = new WebDriverWait(b, Duration.ofSeconds(30));
        b.get(base + "/login");
        b.findElement(By.id("username")).sendKeys("viewer");
        b.findElement(By.id("password")).sendKeys("demo");
        b.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        b.get(base + "/reports/yearly?year=" + year);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("headline")));
        var options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0)); // A4, in centimetres
        options.setBackground(true);
        var pdf = ((PrintsPage) b).print(options);
        Path pdfFile = out.resolve("yearly-" + year + ".pdf");
        Files.write(pdfFile, Base64.getDecoder().decode(pdf.getContent()));
        System.out.println("wrote " + pdfFile);
        Path png = out.resolve("yearly-" + year + ".png");
        Files.write(png, ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + png);
        b.quit();
        System.exit(0);
    }
}
