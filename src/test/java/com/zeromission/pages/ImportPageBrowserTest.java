package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

class ImportPageBrowserTest extends PageTest {

    static final String HEADER = "source,source_id,channel,market,product,journey_stage,received_at,language,text\n";

    Path csv(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("zm-upload-");
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void anAnalystUploadsACsvAndFollowsItsProgressToTheRejectedRows() throws Exception {
        String tag = "up" + System.nanoTime();
        Path file = csv(tag + ".csv", HEADER
                + "page-test," + tag + "-1,complaint,SE,pay-later,invoice,2026-11-20T10:00:00Z,sv,Fakturan kom aldrig fram till mig\n"
                + "page-test," + tag + "-2,complaint,GB,card,refund,2026-11-21T10:00:00Z,en,\"My refund never arrived, mail me at lena@example.org\"\n"
                + "page-test," + tag + "-3,complaint,UK,card,refund,2026-11-21T10:00:00Z,en,Wrong market code in this row\n");
        signIn("analyst");
        open("/imports");
        browser().findElement(By.id("file")).sendKeys(file.toString());
        browser().findElement(By.id("upload-button")).click();
        // the page moves on to the import's own page and follows it until it is finished
        new WebDriverWait(browser(), Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/imports/[0-9a-f-]{36}$"));
        var finished = new WebDriverWait(browser(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#progress.finished")));
        assertThat(finished.findElement(By.id("import-status")).getText())
                .contains("completed").contains("3 of 3 rows").contains("2 new").contains("1 rejected");
        assertThat(text(By.id("row-errors"))).contains("market").contains("UK");
        assertThat(browser().getPageSource()).doesNotContain("lena@example.org");
        open("/imports");
        assertThat(text(By.id("recent"))).contains(tag + ".csv");
        Browser.screenshot("imports");
    }

    @Test
    void refusesAFileWithoutDataRowsAndSaysWhy() throws Exception {
        Path file = csv("empty.csv", "");
        signIn("analyst");
        open("/imports");
        browser().findElement(By.id("file")).sendKeys(file.toString());
        browser().findElement(By.id("upload-button")).click();
        var error = new WebDriverWait(browser(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-error")));
        assertThat(error.getText()).contains("file is empty");
        assertThat(browser().getCurrentUrl()).endsWith("/imports");
    }

    @Test
    void aViewerIsRefusedTheImportPage() {
        signIn("viewer");
        open("/imports");
        assertThat(text(By.cssSelector("main h1"))).isEqualTo("Not allowed");
    }
}
