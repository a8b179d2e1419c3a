package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public feedback form in a real browser, signed out: it goes in through intake, masked. */
class FeedbackBrowserTest extends PageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCustomerSendsFeedbackInSwedishWithoutSigningInAndGetsAConfirmation() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'feedback-form'", Long.class);
        open("/feedback?lang=sv");
        assertThat(text(By.tagName("h1"))).isEqualTo("Berätta vad som gick fel");
        browser().findElement(By.id("message")).sendKeys("Fakturan kom aldrig fram. Ring mig på 070-123 45 67 tack");
        new Select(browser().findElement(By.id("market"))).selectByValue("SE");
        new Select(browser().findElement(By.id("product"))).selectByValue("pay-later");
        Browser.screenshot("feedback-form");
        browser().findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/feedback/thanks"));
        assertThat(text(By.tagName("h1"))).contains("Tack");
        // the confirmation is its own page: reloading it sends nothing again
        browser().navigate().refresh();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'feedback-form'", Long.class))
                .isEqualTo(before + 1);
        String body = jdbc.queryForObject("SELECT body FROM signal WHERE source = 'feedback-form' ORDER BY ingested_at DESC LIMIT 1",
                String.class);
        assertThat(body).contains("Fakturan kom aldrig fram", "[PHONE]").doesNotContain("070-123 45 67");
        Browser.screenshot("feedback-thanks");
    }

    @Test
    void refusesATooShortMessageAndKeepsWhatWasWritten() {
        open("/feedback?lang=en");
        browser().findElement(By.id("message")).sendKeys("Bad");
        // the browser's own minimum-length check is not what is tested here: the server's is
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("document.querySelector('form').noValidate = true");
        browser().findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text(By.cssSelector("[role=alert]"))).containsIgnoringCase("at least 10");
        assertThat(browser().findElement(By.id("message")).getDomProperty("value")).isEqualTo("Bad");
    }
}
