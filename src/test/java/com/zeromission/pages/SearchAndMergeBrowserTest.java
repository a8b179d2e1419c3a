package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemState;

/**
 * Reading the real cases in the browser: an analyst searches the masked texts, finds a fragment of a problem,
 * previews merging it into another (what moves, the counts before and after), merges, and undoes the merge.
 */
class SearchAndMergeBrowserTest extends PageTest {

    @Test
    void anAnalystSearchesPreviewsAMergeMergesAndUndoesIt() {
        long receipt = newProblem("search-receipt", "sv", "Kvittot för min klocka visar fel belopp");
        long checkout = newProblem("search-checkout", "en", "The checkout page froze when I paid for the bicycle");
        assertThat(receipt).isNotEqualTo(checkout);

        signIn("analyst");
        browser().findElement(By.linkText("Search")).click();
        waitFor(By.id("q")).sendKeys("KVITTO klocka");
        browser().findElement(By.cssSelector("#search-form button")).click();
        assertThat(text(By.id("result-count"))).startsWith("2 signals");
        var hits = browser().findElements(By.cssSelector("#results .hit"));
        assertThat(hits).hasSize(2);
        assertThat(hits.getFirst().getText()).contains("Kvittot för min klocka").contains("Problem " + receipt)
                .doesNotContain("anna.berg@example.com");
        Browser.screenshot("search");

        // merge the fragment found into the other problem: from the other problem's text, find the fragment by its
        // words (no problem numbers typed), tick it, preview first
        browser().findElement(By.id("q")).clear();
        browser().findElement(By.id("q")).sendKeys("checkout froze bicycle");
        browser().findElement(By.cssSelector("#search-form button")).click();
        WebElement other = waitFor(By.cssSelector("#results .hit[data-problem='" + checkout + "']"));
        other.findElement(By.cssSelector(".merge-from-search input[name=q]")).sendKeys("KVITTO klocka");
        other.findElement(By.cssSelector(".merge-from-search button")).click();
        waitFor(By.cssSelector("#pick-merge input[value='" + receipt + "']")).click();
        browser().findElement(By.cssSelector("#pick-merge button")).click();
        waitFor(By.id("merge-counts"));
        assertThat(text(By.id("merge-summary"))).contains("problem " + receipt).contains("problem " + checkout);
        assertThat(text(By.cssSelector("#merge-counts tr.moving"))).contains("#" + receipt).contains("2 2 0 0");
        assertThat(text(By.id("signals-after"))).isEqualTo("4");
        assertThat(text(By.id("complaints-after"))).isEqualTo("4");
        assertThat(text(By.id("moving-examples"))).contains("Kvittot för min klocka");
        assertThat(problems.get(ProblemId.of(receipt)).state()).as("a preview changes nothing").isEqualTo(ProblemState.OPEN);
        Browser.screenshot("merge-preview");

        browser().findElement(By.cssSelector("#confirm-merge button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/problems/" + checkout));
        assertThat(text(By.id("flash"))).contains("Merged problem " + receipt + " into this one: 2 signals moved");
        assertThat(problems.get(ProblemId.of(receipt)).state()).isEqualTo(ProblemState.MERGED);
        assertThat(problems.get(ProblemId.of(checkout)).signals()).isEqualTo(4);

        assertThat(browser().findElements(By.cssSelector("#history .undo-form"))).as("the merge can be undone from the history too")
                .hasSize(1);
        browser().findElement(By.cssSelector("#flash .undo-form button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/problems/" + receipt));
        assertThat(text(By.id("flash"))).contains("Merge undone: problem " + receipt + " is back with its 2 signals");
        assertThat(problems.get(ProblemId.of(receipt)).state()).isEqualTo(ProblemState.OPEN);
        assertThat(problems.get(ProblemId.of(receipt)).signals()).isEqualTo(2);
        assertThat(problems.get(ProblemId.of(checkout)).signals()).isEqualTo(2);

        // the problem page leads to all of its signals, through the search
        browser().findElement(By.id("all-signals")).click();
        assertThat(text(By.id("result-count"))).startsWith("2 signals").contains("of problem " + receipt);
    }

    @Test
    void mistakesStayOnThePageInPlainWords() {
        signIn("analyst");
        open("/search?q=invoice&from=2026-13-01&market=XX");
        String errors = text(By.id("search-errors"));
        assertThat(errors).contains("From date '2026-13-01' is not a date like 2026-01-31.")
                .contains("Unknown market 'XX'; expected an ISO 3166-1 alpha-2 country code").doesNotContain("journeyStage");
        assertThat(browser().findElement(By.id("q")).getDomProperty("value")).isEqualTo("invoice");

        long invoice = seeded.invoiceProblem();
        open("/problems/" + invoice);
        waitFor(By.id("merge-from")).sendKeys(String.valueOf(invoice));
        browser().findElement(By.cssSelector("#merge-form button")).click();
        assertThat(text(By.id("merge-error"))).isEqualTo("A problem cannot be merged into itself (problem " + invoice + ").");
        assertThat(browser().findElements(By.id("confirm-merge"))).isEmpty();
        assertThat(browser().findElement(By.id("merge-into")).getDomProperty("value")).isEqualTo(String.valueOf(invoice));
    }

    @Test
    void aViewerSearchesPagesThroughTheResultsButIsOfferedNoMerge() {
        signIn("viewer");
        open("/search?q=faktura&market=SE&size=2");
        assertThat(text(By.id("result-count"))).doesNotStartWith("0 ").contains("1–2 shown (page 1 of");
        assertThat(browser().findElements(By.cssSelector(".merge-from-search"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector("#results a.problem-link"))).hasSize(2);
        assertThat(browser().findElements(By.id("previous-page"))).isEmpty();
        browser().findElement(By.id("next-page")).click();
        assertThat(text(By.id("result-count"))).contains("3–4 shown (page 2 of");
        assertThat(browser().findElement(By.id("q")).getDomProperty("value")).isEqualTo("faktura");
        assertThat(browser().findElement(By.id("market")).getDomProperty("value")).isEqualTo("SE");
        assertThat(browser().findElements(By.id("previous-page"))).hasSize(1);
        assertThat(browser().findElements(By.cssSelector("#results .hit"))).hasSize(2);
        assertThat(browser().getPageSource()).doesNotContain("anna.berg@example.com");
    }

    /** Two complaints in the same words, grouped: the problem they make. */
    private long newProblem(String prefix, String language, String text) {
        var signals = new ArrayList<SignalSubmission>();
        for (int i = 0; i < 2; i++) {
            signals.add(SignalSubmission.parse(new RawSignal("browser-test", prefix + "-" + System.nanoTime() + "-" + i,
                    "complaint", "SE", "pay-later", "checkout", "2026-11-2" + (3 + i) + "T10:00:00Z", language,
                    text + " (order " + (8000 + i) + ")", null, null, null), clock));
        }
        var outcomes = intake.acceptAll(signals);
        problems.assignPending();
        var ids = outcomes.stream().map(o -> problems.problemOf(((IntakeOutcome.Created) o).signal().id().toString())
                .orElseThrow().id()).distinct().toList();
        assertThat(ids).as("the two signals make one problem").hasSize(1);
        return ids.getFirst();
    }
}
