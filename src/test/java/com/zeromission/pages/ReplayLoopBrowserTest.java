package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.problems.Problems;

/**
 * Issue 18's first must-show, end to end with nothing stood in: the real recorder on the demo checkout page, the real
 * ingestion into the database, the feedback form, grouping, the problem page and the real player. A customer allows
 * the recording, types a card number, an e-mail address, a personal identity number and a message, pays by card, sees
 * the failure, follows the feedback link and sends feedback; an analyst opens the problem the feedback landed in,
 * sees the replay, opens it and plays it. What was typed is in no stored chunk; the player shows the steps.
 */
class ReplayLoopBrowserTest extends DemoPageTest {

    static final String CARD = "4111 1111 1111 1111", EMAIL = "anna.svensson@example.com",
            PERSONAL_NUMBER = "19811218-9876", EXPIRY = "12/29", CVC = "737",
            CHECKOUT_MESSAGE = "Leave the parcel with Gunilla Wombatsson behind the red shed",
            FEEDBACK = "The card payment failed twice at checkout although my Quokkabank card works everywhere else";
    static final String CARD_FAILED = "Your card payment could not be completed. No money was taken. "
            + "Try again later, or choose invoice.";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Problems problems;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void aNewTabWithoutAnAnswer() {
        browser.get(url("/demo/checkout"));
        browser.manage().deleteAllCookies();
        js("sessionStorage.clear()");
    }

    /** The tab still holds the session: the next test's pages of this origin would go on recording it. */
    @AfterEach
    void forgetTheSession() {
        browser.get(url("/demo/checkout"));
        js("window.zmReplay && window.zmReplay.optOut(); sessionStorage.clear()");
    }

    @Test
    void whatTheCustomerTypedIsNeverStoredAndTheAnalystWatchesTheStepsFromTheProblemPage() {
        long started = System.nanoTime();
        // the customer: consent, the details, the card payment fails
        browser.get(url("/demo/checkout"));
        waitFor(By.id("consent-accept")).click();
        String session = wait(d -> (String) js("return window.zmReplay.sessionId()"));
        assertThat(UUID.fromString(session)).isNotNull();
        type("email", EMAIL);
        type("personal-number", PERSONAL_NUMBER);
        type("card-number", CARD);
        type("card-expiry", EXPIRY);
        type("card-cvc", CVC);
        type("message", CHECKOUT_MESSAGE);
        browser.findElement(By.id("pay")).click();
        wait(d -> d.findElement(By.id("payment-error")).getText().equals(CARD_FAILED));
        var link = waitFor(By.id("feedback-link"));
        assertThat(link.getDomAttribute("href")).isEqualTo("/feedback?replay=" + session);

        // the feedback form goes on with the tab's session, asks (and is answered yes already), carries the replay
        link.click();
        waitFor(By.id("message"));
        var yes = waitFor(By.id("replay-consent-yes"));
        wait(d -> yes.isSelected());
        assertThat(browser.findElement(By.id("replayId")).getDomProperty("value")).isEqualTo(session);
        assertThat(js("return window.zmReplay.sessionId()")).as("the same session on the feedback form").isEqualTo(session);
        browser.findElement(By.id("message")).sendKeys(FEEDBACK);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(ExpectedConditions.urlContains("/feedback/thanks"));

        // everything the two pages recorded is stored: both pages, the error shown, the last click (the send button)
        List<JsonNode> stored = wait(d -> {
            var events = storedEvents(session);
            int feedbackPage = indexOfPage(events, "/feedback");
            return indexOfPage(events, "/demo/checkout") >= 0 && feedbackPage >= 0 && hasError(events)
                    && events.subList(feedbackPage, events.size()).stream().anyMatch(ReplayLoopBrowserTest::isClick)
                    ? events : null;
        });
        long recorded = System.nanoTime();

        // (a) nothing typed is in any stored chunk, in any spelling
        String chunks = String.join("\n", chunkTexts(session));
        for (String typed : List.of(CARD, EMAIL, PERSONAL_NUMBER, EXPIRY, CHECKOUT_MESSAGE, FEEDBACK)) {
            assertThat(chunks).as("the stored chunks hold '%s'", typed).doesNotContain(typed)
                    .doesNotContain(typed.replaceAll("[\\s-]", ""));
        }
        for (String part : List.of("4111", "anna.svensson", "svensson", "811218", "9876", "Gunilla", "Wombatsson",
                "red shed", "Quokkabank", "failed twice")) {
            assertThat(chunks).as("the stored chunks hold '%s'", part).doesNotContain(part);
        }
        assertThat(stored).as("input events hold only '*'")
                .filteredOn(e -> e.path("type").asInt() == 3 && e.path("data").path("source").asInt() == 5)
                .isNotEmpty().allMatch(e -> e.path("data").path("text").asString().matches("\\**"));

        // the feedback landed in a problem, with its replay
        String signal = jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM signal WHERE replay_id = ?", String.class,
                UUID.fromString(session));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM replay_signal WHERE session_id = ? AND signal_id = ?",
                Long.class, UUID.fromString(session), UUID.fromString(signal))).isEqualTo(1L);
        problems.assignPending();
        long problem = problems.problemOf(signal).orElseThrow().id();

        // the analyst opens the problem, sees the replay listed and plays it
        signIn("analyst");
        browser.get(url("/problems/" + problem));
        var watch = waitFor(By.cssSelector("#replays a[href='/replays/" + session + "']"));
        assertThat(watch.getText()).matches("Watch the \\d+:\\d\\d replay");
        long opening = System.nanoTime();
        watch.click();
        List<WebElement> entries = wait(d -> {
            var found = d.findElements(By.cssSelector(".zm-replay-entry button"));
            return found.isEmpty() ? null : found;
        });
        var shown = entries.stream().map(e -> e.getText().replaceAll("\\s+", " ")).toList();
        String checkout = url("/demo/checkout"), feedback = url("/feedback");
        assertThat(shown).as("the timeline").anyMatch(t -> t.matches("\\d\\d:\\d\\d Page " + checkout))
                .anyMatch(t -> t.matches("\\d\\d:\\d\\d Page " + feedback))
                .anyMatch(t -> t.matches("\\d\\d:\\d\\d Click at \\d+, \\d+"))
                .anyMatch(t -> t.matches("\\d\\d:\\d\\d Error " + java.util.regex.Pattern.quote(CARD_FAILED)));
        assertThat(indexOf(shown, "Page " + checkout)).as("checkout, then its error, then the feedback form")
                .isLessThan(indexOf(shown, "Error " + CARD_FAILED));
        assertThat(indexOf(shown, "Error " + CARD_FAILED)).isLessThan(indexOf(shown, "Page " + feedback));
        // the first frame: the checkout page rebuilt in the player's frame, its unmasked heading shown
        wait(d -> "Checkout".equals(js("var f = document.querySelector('.replayer-wrapper iframe');"
                + " var h = f && f.contentDocument && f.contentDocument.querySelector('h1'); return h && h.textContent")));
        long firstFrame = System.nanoTime();
        String before = browser.findElement(By.cssSelector(".rr-controller .rr-timeline__time")).getText();
        browser.findElement(By.cssSelector(".rr-controller__btns button")).click();
        wait(d -> !d.findElement(By.cssSelector(".rr-controller .rr-timeline__time")).getText().equals(before));
        Browser.screenshot("replay-loop-player");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'replay-viewed' AND actor = 'analyst'"
                + " AND subject = ?", Long.class, "replay " + session)).as("watching is audited").isPositive();
        System.out.printf("replay loop: customer %d ms, stored %d events in %d chunks (%d bytes), player's first frame %d ms,"
                + " whole test %d ms%n", (recorded - started) / 1_000_000, stored.size(), chunkTexts(session).size(),
                jdbc.queryForObject("SELECT SUM(LENGTH(data)) FROM replay_chunk WHERE session_id = ?", Long.class,
                        UUID.fromString(session)), (firstFrame - opening) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
    }

    private static int indexOf(List<String> shown, String text) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector("header.top .who"));
    }

    /** Every stored chunk of the session, gunzipped, in batch order. */
    private List<String> chunkTexts(String session) {
        var texts = new ArrayList<String>();
        for (byte[] data : jdbc.queryForList("SELECT data FROM replay_chunk WHERE session_id = ? ORDER BY seq", byte[].class,
                UUID.fromString(session))) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** The session's stored events, ordered by their time. */
    private List<JsonNode> storedEvents(String session) {
        var events = new ArrayList<JsonNode>();
        chunkTexts(session).forEach(t -> json.readTree(t).forEach(events::add));
        events.sort(java.util.Comparator.comparingLong(e -> e.path("timestamp").asLong()));
        return events;
    }

    private static int indexOfPage(List<JsonNode> events, String path) {
        for (int i = 0; i < events.size(); i++) {
            var e = events.get(i);
            if (e.path("type").asInt() == 4 && e.path("data").path("href").asString("").endsWith(path)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasError(List<JsonNode> events) {
        return events.stream().anyMatch(e -> e.path("type").asInt() == 5 && "zm-error".equals(e.path("data").path("tag").asString(""))
                && CARD_FAILED.equals(e.path("data").path("payload").path("text").asString("")));
    }

    private static boolean isClick(JsonNode e) {
        return e.path("type").asInt() == 3 && e.path("data").path("source").asInt() == 2 && e.path("data").path("type").asInt() == 2;
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private <T> T wait(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }
}
