package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.zeromission.insights.Evidence;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.problems.ProblemId;

/**
 * The success team's whole loop in a real browser, without curl: a problem → write an insight → the gate refuses the
 * delegation and lists what is missing → complete it (with a screenshot, previewed before it is sent) → delegate → the
 * owner team's member signs in and moves it on the board (drag and drop, then the keyboard's select) → resolved →
 * the effect is measured and the fix verified.
 */
class InsightLoopBrowserTest extends PageTest {

    /**
     * Who works for the owner team. Today that is the demo user {@code member} (role TEAM_MEMBER), a member of the
     * seeded team {@code invoicing}: what decides "own work" is team membership (Insights.move with ownerTeamOnly for
     * callers that web.Callers limits to their own work). Switch both when teams get their own member logins.
     */
    static final String TEAM_MEMBER_LOGIN = "member", OWNER_TEAM = "invoicing";

    private WebDriverWait waiting() {
        return new WebDriverWait(browser(), Duration.ofSeconds(10));
    }

    private void waitForText(By what, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    private void fill(String id, String value) {
        WebElement e = browser().findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private long shownInsightId() {
        waiting().until(ExpectedConditions.urlMatches("/insights/\\d+$"));
        String url = browser().getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static Path screenshotFile() throws IOException {
        var image = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff3366);
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path file = Files.createTempFile("late-invoice-", ".png");
        Files.write(file, png.toByteArray());
        return file;
    }

    @Test
    void theWholeLoopFromAProblemToAMeasuredFixInTheBrowser() throws IOException {
        long problem = seeded.invoiceProblem();
        String title = "Reminder fee although the invoice came late " + System.nanoTime() % 100_000;

        // a problem → write an insight: the form is prefilled from it
        signIn("analyst");
        open("/problems/" + problem);
        waitFor(By.id("write-insight")).click();
        waitFor(By.id("new-insight"));
        assertThat(browser().findElement(By.id("problems")).getDomProperty("value")).isEqualTo(String.valueOf(problem));
        assertThat(browser().findElement(By.id("title")).getDomProperty("value")).isEqualTo(problems.get(ProblemId.of(problem)).label());
        // occurrences a year start from the problem's complaints in the last 52 full weeks
        long measured = insights.frequency(List.of(problem)).perYear();
        assertThat(measured).isPositive();
        assertThat(browser().findElement(By.id("occurrencesPerYear")).getDomProperty("value")).isEqualTo(String.valueOf(measured));
        Browser.screenshot("insight-form");
        fill("title", title);
        browser().findElement(By.id("save")).click();
        long id = shownInsightId();
        waitForText(By.cssSelector("[role=status]"), "Draft saved.");
        assertThat(insights.get(InsightId.of(id)).content().problemIds()).containsExactly(problem);

        // the gate refuses the delegation and lists what is missing
        waitFor(By.id("delegate")).click();
        waitForText(By.cssSelector("[role=alert]"), "Delegation refused: insight " + id + " does not pass the quality gate");
        assertThat(browser().findElements(By.cssSelector("[role=alert] li"))).extracting(WebElement::getText)
                .anyMatch(t -> t.startsWith("evidence: none attached")).anyMatch(t -> t.startsWith("problem definition: empty"))
                .anyMatch(t -> t.startsWith("proposed solution: empty")).anyMatch(t -> t.startsWith("financial impact: no estimate"))
                .anyMatch(t -> t.startsWith("effort: not estimated")).anyMatch(t -> t.startsWith("owner team: no owner team"))
                .anyMatch(t -> t.startsWith("responsible person: nobody is responsible")).hasSize(7);
        assertThat(insights.get(InsightId.of(id)).state()).isEqualTo(InsightState.DRAFT);

        // complete it; the checklist follows as it is filled in (the server's gate, asked by the page's script)
        fill("problemDefinition", "Paper invoices sent in January arrive after their due date, so customers pay a reminder fee.");
        fill("proposedSolution", "Send the invoice by e-mail as well and waive the first reminder fee automatically.");
        fill("effortPersonDays", "3");
        waiting().until(d -> d.findElement(By.cssSelector("#gate li[data-element=effort]")).getDomProperty("className").contains("passed"));
        fill("contactsPerOccurrence", "1.2");
        fill("contactCost", "6.50");
        fill("shareRemovedPercent", "60");
        String value = String.format(java.util.Locale.UK, "€%,d", Math.round(measured * 1.2 * 6.5 * 0.6));
        waitForText(By.id("impact-total"), value);
        new Select(browser().findElement(By.id("ownerTeam"))).selectByValue(OWNER_TEAM);
        fill("responsiblePerson", TEAM_MEMBER_LOGIN);
        fill("replayUrl", "https://replay.example.com/s/late-invoice");
        browser().findElement(By.id("screenshots")).sendKeys(screenshotFile().toString());
        // previewed before it is sent
        waiting().until(d -> d.findElement(By.cssSelector("#previews img")).getDomAttribute("src") != null
                && d.findElement(By.cssSelector("#previews img")).getDomAttribute("src").startsWith("data:image/png"));
        waitForText(By.id("gate-summary"), "Gate 7/7 ✓");
        browser().findElement(By.cssSelector("#edit button[type=submit]")).click();
        waitForText(By.cssSelector("[role=status]"), "It passes the quality gate and can be delegated.");
        assertThat(insights.get(InsightId.of(id)).content().evidence()).hasSize(2).anyMatch(Evidence.Screenshot.class::isInstance);
        assertThat(text(By.id("content"))).contains("screenshot: screenshot-").contains(value.substring(4) + " a year");

        // delegate
        waitFor(By.id("delegate")).click();
        waitForText(By.cssSelector("[role=status]"), "Delegated to " + OWNER_TEAM + " (" + TEAM_MEMBER_LOGIN + ").");
        assertThat(insights.get(InsightId.of(id)).state()).isEqualTo(InsightState.DELEGATED);

        // the team member signs in and moves it on the board: drag and drop to in progress...
        signIn(TEAM_MEMBER_LOGIN);
        open("/insights?team=" + OWNER_TEAM);
        WebElement card = waitFor(By.cssSelector("#column-delegated #insight-" + id));
        assertThat(card.getDomAttribute("draggable")).isEqualTo("true");
        ((JavascriptExecutor) browser()).executeScript("""
                const card = document.getElementById('insight-' + arguments[0]);
                const column = document.getElementById('column-in-progress');
                const data = new DataTransfer();
                card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));""", id);
        waitForText(By.cssSelector("[role=status]"), "#" + id + ": moved to in progress.");
        assertThat(insights.get(InsightId.of(id)).state()).isEqualTo(InsightState.IN_PROGRESS);
        // ...and with the keyboard's way, the card's select, to resolved
        new Select(waitFor(By.id("move-" + id))).selectByValue("resolved");
        browser().findElement(By.cssSelector("#insight-" + id + " form.card-move button")).click();
        waitForText(By.cssSelector("[role=status]"), "#" + id + ": moved to resolved.");
        assertThat(text(By.id("column-resolved"))).contains(title);
        var resolved = insights.get(InsightId.of(id));
        assertThat(resolved.state()).isEqualTo(InsightState.RESOLVED);
        assertThat(resolved.history()).extracting(t -> t.actor() + ":" + t.to()).contains(TEAM_MEMBER_LOGIN + ":IN_PROGRESS",
                TEAM_MEMBER_LOGIN + ":RESOLVED");

        // measured: five full weeks later, with no complaint about late invoices since the fix, the drop is real
        Instant later = Instant.parse("2027-01-12T08:00:00Z");
        var days = new ArrayList<LocalDate>();
        for (LocalDate d = LocalDate.of(2026, 12, 2); d.isBefore(LocalDate.of(2027, 1, 12)); d = d.plusDays(1)) {
            days.add(d);
        }
        clock.set(later);
        try {
            purchases.upsert(days.stream().flatMap(d -> java.util.stream.Stream.of(new PurchaseCount(d, "SE", "pay-later", 20_000),
                    new PurchaseCount(d, "GB", "card", 10_000))).toList(), "browser-test");
            signIn("analyst");
            open("/insights/" + id);
            waitFor(By.id("measure")).click();
            waitForText(By.cssSelector("[role=status]"), "Measured: verified.");
            assertThat(text(By.id("state"))).isEqualTo("VERIFIED");
            assertThat(text(By.id("effect"))).contains("a real drop");
            assertThat(insights.get(InsightId.of(id)).state()).isEqualTo(InsightState.VERIFIED);
        } finally {
            // the other browser tests read the seeded figures at the seeded time
            purchases.upsert(days.stream().flatMap(d -> java.util.stream.Stream.of(new PurchaseCount(d, "SE", "pay-later", 0),
                    new PurchaseCount(d, "GB", "card", 0))).toList(), "browser-test");
            clock.set(NOW);
        }
    }

    @Test
    void theBoardIsCompactAndFiltersByTeamAndState() {
        signIn("viewer");
        open("/insights");
        waitFor(By.id("board"));
        long height = (Long) ((JavascriptExecutor) browser()).executeScript("return document.body.scrollHeight");
        System.out.println("insight board: document.body.scrollHeight = " + height + " px at 1400x1000 with "
                + browser().findElements(By.cssSelector("#board .insight-card")).size() + " cards");
        // no checklist of seven lines on any card: a complete gate is one line, an incomplete one lists what it lacks
        assertThat(browser().findElements(By.cssSelector("#board .checklist"))).isEmpty();

        new Select(browser().findElement(By.id("filter-state"))).selectByValue("actionable");
        new Select(browser().findElement(By.id("filter-team"))).selectByValue("invoicing");
        browser().findElement(By.cssSelector("#board-filters button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("state=actionable"));
        assertThat(browser().findElements(By.cssSelector("#board .column"))).extracting(e -> e.getDomAttribute("id"))
                .containsExactly("column-actionable");
        assertThat(browser().findElements(By.cssSelector("#board .insight-card .team"))).extracting(WebElement::getText)
                .isNotEmpty().allMatch("invoicing"::equals);
    }

    @Test
    void aSearchHitOpensTheFormPrefilledWithItsProblemAndABadValueStaysBesideItsField() {
        signIn("analyst");
        open("/search?q=invoice");
        WebElement hit = waitFor(By.cssSelector("#results .example.hit a.write-insight"));
        String problem = hit.findElement(By.xpath("ancestor::div[@data-problem]")).getDomAttribute("data-problem");
        hit.click();
        waitFor(By.id("new-insight"));
        assertThat(browser().findElement(By.id("problems")).getDomProperty("value")).isEqualTo(problem);
        fill("effortPersonDays", "a week");
        // the script shows the server's answer beside the field as it is typed...
        waitForText(By.id("effortPersonDays-error"), "effort (person-days) must be a number, was 'a week'");
        // ...and saving shows it there too, on the same page, with what was typed kept
        fill("proposedSolution", "Send the invoice by e-mail as well.");
        browser().findElement(By.id("save")).click();
        waitForText(By.id("form-error"), "Not saved: effort (person-days) must be a number, was 'a week'.");
        assertThat(text(By.id("effortPersonDays-error"))).isEqualTo("effort (person-days) must be a number, was 'a week'");
        assertThat(browser().findElement(By.id("effortPersonDays")).getDomProperty("value")).isEqualTo("a week");
        assertThat(browser().findElement(By.id("proposedSolution")).getDomProperty("value"))
                .isEqualTo("Send the invoice by e-mail as well.");
        assertThat(browser().findElement(By.id("problems")).getDomProperty("value")).isEqualTo(problem);
    }
}
