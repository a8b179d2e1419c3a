package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemState;

class ProblemPagesBrowserTest extends PageTest {

    @Test
    void anAnalystOpensAProblemSeesMaskedExamplesAndRenamesIt() {
        long invoice = seeded.invoiceProblem();
        try {
            signIn("analyst");
            open("/problems");
            WebElement link = waitFor(By.cssSelector("#problems tr[data-problem='" + invoice + "'] td.problem a"));
            // the auto label is a list of words; the subtitle is a real (masked) complaint
            assertThat(text(By.cssSelector("#problems tr[data-problem='" + invoice + "'] .subtitle")))
                    .containsAnyOf("invoice", "faktura").doesNotContain("anna.berg@example.com");
            assertThat(text(By.id("top-problems"))).contains("2026-W48");
            Browser.screenshot("problems");
            link.click();
            new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/problems/" + invoice));

            var examples = browser().findElements(By.cssSelector("#examples .example .text"));
            assertThat(examples).hasSize(5);
            String shown = text(By.id("examples"));
            assertThat(shown).contains("I never received the invoice").doesNotContain("anna.berg@example.com")
                    .doesNotContain("@example.com");
            assertThat(text(By.id("by-market"))).contains("SE").contains("GB");
            assertThat(text(By.id("by-product"))).contains("card").contains("pay-later");
            assertThat(browser().findElements(By.cssSelector("#weekly svg.bars rect"))).isNotEmpty();
            // the insight written about it is linked
            assertThat(text(By.id("insights"))).contains("Send invoices digitally by default");
            assertThat(browser().findElement(By.cssSelector("#insights li a")).getDomAttribute("href"))
                    .isEqualTo("/insights/" + seeded.completeInsight());

            WebElement label = browser().findElement(By.id("rename-label"));
            label.clear();
            label.sendKeys("Invoice never arrived, reminder fee charged");
            browser().findElement(By.cssSelector("#rename-form button")).click();
            assertThat(text(By.cssSelector("[role=status]"))).contains("Renamed to 'Invoice never arrived, reminder fee charged'");
            assertThat(text(By.id("label"))).isEqualTo("Invoice never arrived, reminder fee charged");
            assertThat(text(By.id("history"))).contains("Rename").contains("analyst");
            assertThat(problems.get(ProblemId.of(invoice)).label()).isEqualTo("Invoice never arrived, reminder fee charged");
            Browser.screenshot("problem");
        } finally {
            problems.rename(ProblemId.of(invoice), null, "test"); // other tests see the seeded labels
        }
    }

    @Test
    void anAnalystMergesOneProblemIntoAnotherAndSplitsAnExampleBackOut() {
        long parcel = newProblem("merge-parcel", "The courier left my parcel at the wrong address and it was stolen");
        long discount = newProblem("merge-discount", "Your discount code from the newsletter is rejected at checkout");
        assertThat(parcel).isNotEqualTo(discount);

        signIn("analyst");
        open("/problems/" + parcel);
        // found by its words, not typed by number: the problems whose signals match are offered to tick
        waitFor(By.id("merge-from")).sendKeys("discount code newsletter");
        browser().findElement(By.cssSelector("#merge-form button")).click();
        waitFor(By.cssSelector("#pick-merge input[value='" + discount + "']")).click();
        browser().findElement(By.cssSelector("#pick-merge button")).click();
        // the form leads to a preview of what moves; the merge happens when it is confirmed there (wait for that
        // page: the click returns before the browser has navigated)
        waitFor(By.cssSelector("#confirm-merge button")).click();
        assertThat(text(By.cssSelector("[role=status]"))).contains("Merged problem " + discount + " into this one");
        assertThat(text(By.id("examples"))).contains("courier left my parcel").contains("discount code");
        assertThat(text(By.id("history"))).contains("Merge").contains("analyst");
        assertThat(problems.get(ProblemId.of(discount)).state()).isEqualTo(ProblemState.MERGED);
        assertThat(problems.get(ProblemId.of(discount)).mergedInto()).isEqualTo(parcel);

        // tick every discount example and split them off again
        int ticked = 0;
        for (WebElement example : browser().findElements(By.cssSelector("#examples .example"))) {
            if (example.findElement(By.cssSelector(".text")).getText().contains("discount code")) {
                example.findElement(By.cssSelector("input[name=signalIds]")).click();
                ticked++;
            }
        }
        assertThat(ticked).isPositive();
        browser().findElement(By.id("split-label")).sendKeys("Newsletter discount code rejected");
        browser().findElement(By.cssSelector("#split-form button")).click();

        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/problems/" + parcel));
        assertThat(text(By.cssSelector("[role=status]"))).contains("Split " + ticked).contains("off problem " + parcel);
        assertThat(text(By.id("label"))).isEqualTo("Newsletter discount code rejected");
        assertThat(text(By.id("examples"))).contains("discount code").doesNotContain("courier");
        long created = Long.parseLong(browser().getCurrentUrl().replaceAll(".*/problems/", ""));
        assertThat(created).isNotIn(parcel, discount);
        assertThat(problems.get(ProblemId.of(created)).signals()).isEqualTo(ticked);
        assertThat(problems.details(ProblemId.of(parcel)).examples()).allMatch(e -> !e.text().contains("discount code"));
    }

    @Test
    void aViewerSeesNoChangeFormsAndCannotPostOne() {
        long invoice = seeded.invoiceProblem();
        String before = problems.get(ProblemId.of(invoice)).label();
        signIn("viewer");
        open("/problems/" + invoice);
        waitFor(By.id("examples"));
        assertThat(browser().findElements(By.cssSelector("main form"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector("input[name=signalIds]"))).isEmpty();
        assertThat(browser().findElements(By.id("actions"))).isEmpty();

        // with a valid CSRF token (from the sign-out form), so that only the role can refuse it
        Object status = ((JavascriptExecutor) browser()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('header form input[name=_csrf]').value;
                fetch('/problems/%d/rename', {method: 'POST', redirect: 'manual',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: '_csrf=' + encodeURIComponent(token) + '&label=Viewer%%20was%%20here'})
                    .then(r => done(r.status), e => done('failed: ' + e));
                """.formatted(invoice));
        assertThat(status).isEqualTo(403L);
        assertThat(problems.get(ProblemId.of(invoice)).label()).isEqualTo(before);
    }

    @Test
    void showsTheSparklineForEveryListedProblem() {
        signIn("member");
        open("/problems?state=all");
        var rows = browser().findElements(By.cssSelector("#problems tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (WebElement row : rows) {
            var lines = row.findElements(By.cssSelector("svg.spark polyline"));
            assertThat(lines).as("sparkline of problem %s", row.getDomAttribute("data-problem")).hasSize(1);
            assertThat(lines.getFirst().getDomAttribute("points").split(" ")).hasSize(8);
        }
        // the invoice problem had its most complaints in the last week: its last point is the highest (least y)
        List<Double> ys = ys(browser().findElement(By.cssSelector("#problems tr[data-problem='" + seeded.invoiceProblem()
                + "'] svg.spark polyline")).getDomAttribute("points"));
        assertThat(ys.getLast()).isLessThan(ys.getFirst()).isEqualTo(ys.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertThat(browser().findElement(By.cssSelector("#problems tr[data-problem='" + seeded.invoiceProblem()
                + "'] svg.spark title")).getDomProperty("textContent")).contains("2026-W48");
    }

    private static List<Double> ys(String points) {
        var ys = new ArrayList<Double>();
        for (String p : points.split(" ")) {
            ys.add(Double.parseDouble(p.split(",")[1]));
        }
        return ys;
    }

    /**
     * Two complaints in the same words (their orders differ) in the last week, grouped: the problem they make. Two,
     * so that after a merge all four show as examples.
     */
    private long newProblem(String prefix, String text) {
        var signals = new ArrayList<SignalSubmission>();
        for (int i = 0; i < 2; i++) {
            signals.add(SignalSubmission.parse(new RawSignal("browser-test", prefix + "-" + System.nanoTime() + "-" + i,
                    "complaint", "SE", "pay-later", "delivery", "2026-11-2" + (3 + i) + "T10:00:00Z", "en",
                    text + " (order " + (7000 + i) + ")", null, null, null), clock));
        }
        var outcomes = intake.acceptAll(signals);
        problems.assignPending();
        var ids = outcomes.stream().map(o -> problems.problemOf(((IntakeOutcome.Created) o).signal().id().toString())
                .orElseThrow().id()).distinct().toList();
        assertThat(ids).as("the two signals make one problem").hasSize(1);
        return ids.getFirst();
    }
}
