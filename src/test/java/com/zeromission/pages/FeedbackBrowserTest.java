package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
        ((JavascriptExecutor) browser()).executeScript("document.querySelector('form').noValidate = true");
        browser().findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text(By.cssSelector("[role=alert]"))).containsIgnoringCase("at least 10");
        assertThat(browser().findElement(By.id("message")).getDomProperty("value")).isEqualTo("Bad");
    }

    @Test
    void theFormAsksBeforeRecordingAndCarriesTheReplayItWasLinkedWith() {
        open("/feedback?lang=sv&replay=0190a6f2-0000-7000-8000-00000000cafe");
        var question = waitFor(By.id("replay-consent"));
        assertThat(question.getText()).contains("Får vi spela in besöket?", "Ja, ni får spela in");
        var yes = browser().findElement(By.id("replay-consent-yes"));
        assertThat(yes.isSelected()).as("nothing recorded before the customer says yes").isFalse();
        assertThat(browser().findElement(By.id("replayId")).getDomProperty("value"))
                .isEqualTo("0190a6f2-0000-7000-8000-00000000cafe");
        assertThat(((JavascriptExecutor) browser()).executeScript(
                "return window.zmReplay.sessionId()")).isNull();
        assertThat(browser().findElement(By.cssSelector("a.lang")).getDomAttribute("href")).as("the other language")
                .contains("lang=en", "replay=0190a6f2-0000-7000-8000-00000000cafe");

        open("/feedback?lang=en&replay=not-a-replay");
        assertThat(text(By.cssSelector("#replay-consent legend"))).isEqualTo("May we record this visit?");
        assertThat(browser().findElement(By.id("replayId")).getDomProperty("value")).as("only a uuid is kept").isEmpty();
    }

    @Test
    void aSessionRecordedEarlierInTheTabGoesOnAndIsTheMessagesReplay() {
        open("/feedback?lang=en");
        // the checkout page before, in this tab, had started a session after the customer's consent
        ((JavascriptExecutor) browser()).executeScript(
                "sessionStorage.setItem('zm-replay-session', '0190a6f2-0000-7000-8000-00000000f00d')");
        open("/feedback?lang=en");
        waitFor(By.id("replay-consent"));
        assertThat(browser().findElement(By.id("replay-consent-yes")).isSelected()).isTrue();
        assertThat(browser().findElement(By.id("replayId")).getDomProperty("value"))
                .isEqualTo("0190a6f2-0000-7000-8000-00000000f00d");
        // saying no after all: the recording stops and the message goes without it
        browser().findElement(By.id("replay-consent-yes")).click();
        assertThat(browser().findElement(By.id("replayId")).getDomProperty("value")).isEmpty();
        assertThat(((JavascriptExecutor) browser()).executeScript(
                "return sessionStorage.getItem('zm-replay-session')")).isNull();
    }
}
