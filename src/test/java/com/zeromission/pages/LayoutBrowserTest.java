package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.zeromission.callbacks.CallOutcome;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.intake.BackgroundImports;
import com.zeromission.intake.ImportOptions;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.leaps.LeapDraft;
import com.zeromission.leaps.LeapMember;
import com.zeromission.leaps.Leaps;
import com.zeromission.markets.Market;
import com.zeromission.mystery.Mode;
import com.zeromission.mystery.MysteryShopping;
import com.zeromission.mystery.NewScenario;
import com.zeromission.mystery.Outcome;
import com.zeromission.mystery.PaymentMethod;
import com.zeromission.mystery.Step;

/**
 * Every signed-in page fits a 390 px phone and a 1,440 px desktop: the document is never wider than the window
 * (wide tables scroll inside their card, the navigation folds away). The pages are read from the controllers'
 * GET mappings, so a new page is measured without anyone adding it here; a mapping with a path variable needs an
 * example address below, and the test fails naming it until it has one.
 * <p>
 * Its own application context (the property below) because it adds call-back customers, a leap, a mystery run and
 * an import to the shared seed, which the other browser tests count.
 */
@TestPropertySource(properties = "zeromission.test.context=layout")
class LayoutBrowserTest extends PageTest {

    static final int PHONE = 390, DESKTOP = 1440;

    /**
     * Mappings that are not pages a person opens: the import progress is a fragment htmx swaps in; the replay's summary
     * and events are the JSON the player page fetches.
     */
    static final List<String> NOT_PAGES = List.of("/imports/{id}/progress", "/replays/{id}/summary", "/replays/{id}/events");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Callbacks callbacks;
    @Autowired
    Leaps leaps;
    @Autowired
    MysteryShopping mystery;
    @Autowired
    BackgroundImports imports;

    @AfterEach
    void backToTheUsualWindow() {
        browser().manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void everySignedInPageFitsAPhoneAndADesktop() throws Exception {
        Map<String, String> pages = examples();
        var mapped = pageMappings();
        assertThat(pages.keySet()).as("every page mapping has an example address here").containsAll(mapped);

        signIn("admin");
        var tooWide = new ArrayList<String>();
        for (int width : new int[] {PHONE, DESKTOP}) {
            browser().manage().window().setSize(new Dimension(width, 900));
            for (String mapping : mapped) {
                open(pages.get(mapping));
                waitFor(By.cssSelector("main"));
                long[] w = widths();
                assertThat(w[1]).as("the window is %d px wide", width).isBetween(width - 20L, (long) width);
                if (width == PHONE && (mapping.equals("/problems") || mapping.equals("/callbacks"))) {
                    Browser.screenshot("phone" + mapping.replace('/', '-'));
                }
                if (w[0] > w[1]) {
                    tooWide.add(pages.get(mapping) + " at " + width + " px: " + w[0] + " px wide in a " + w[1]
                            + " px window, past its edge: " + pastTheEdge());
                }
            }
        }
        assertThat(tooWide).as("pages wider than the window").isEmpty();
    }

    @Test
    void thePublicPagesFitAPhoneToo() {
        browser().manage().window().setSize(new Dimension(PHONE, 900));
        for (String page : List.of("/login", "/feedback?lang=sv")) {
            open(page);
            waitFor(By.cssSelector("form"));
            long[] w = widths();
            assertThat(w[0]).as(page).isLessThanOrEqualTo(w[1]);
        }
    }

    @Test
    void anUncalledCustomerHasNoOutcomeChosenAndRecordCallIsInReachOnBothScreens() {
        callList();
        signIn("analyst");
        open("/callbacks?week=2026-W48");
        var rows = browser().findElements(By.cssSelector("table.callbacks tbody tr"));
        assertThat(rows).hasSizeGreaterThan(1);
        var uncalled = rows.stream().filter(r -> r.findElements(By.cssSelector(".call-done")).isEmpty()).findFirst().orElseThrow();
        var outcome = uncalled.findElement(By.cssSelector("select[name=outcome]"));
        assertThat(outcome.getDomProperty("value")).as("nothing preselected").isEmpty();
        assertThat(outcome.getDomAttribute("required")).isNotNull();
        for (int width : new int[] {DESKTOP, PHONE}) {
            browser().manage().window().setSize(new Dimension(width, 900));
            var record = uncalled.findElement(By.xpath(".//button[normalize-space()='Record call']"));
            long right = ((Number) ((JavascriptExecutor) browser()).executeScript(
                    "return arguments[0].getBoundingClientRect().right", record)).longValue();
            assertThat(right).as("Record call inside a %d px window", width).isLessThanOrEqualTo(widths()[1]);
        }
    }

    @Test
    void theNavigationFoldsIntoAMenuOnAPhoneAndSignOutIsReachable() {
        signIn("analyst");
        browser().manage().window().setSize(new Dimension(PHONE, 900));
        open("/problems");
        var menu = waitFor(By.cssSelector("header.top details.menu summary"));
        assertThat(browser().findElement(By.cssSelector("header.top nav a[href$='/teams']")).isDisplayed())
                .as("folded on a phone").isFalse();
        menu.click();
        browser().findElement(By.cssSelector("header.top nav a[href$='/teams']")).click();
        waitFor(By.id("teams"));
        browser().findElement(By.cssSelector("header.top details.menu summary")).click();
        assertThat(browser().findElement(By.cssSelector("header.top .who button")).isDisplayed()).isTrue();
    }

    /** The innermost elements that reach past the window's right edge, to say what to fix. */
    private Object pastTheEdge() {
        return ((JavascriptExecutor) browser()).executeScript("""
                var out = [];
                document.querySelectorAll('main *, header *').forEach(function (e) {
                    if (e.getBoundingClientRect().right > window.innerWidth + 1 && out.length < 5
                            && !Array.from(e.children).some(function (c) { return c.getBoundingClientRect().right > window.innerWidth + 1; })) {
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : ''));
                    }
                });
                return out.join(', ');""");
    }

    /** [document width, window width] in CSS pixels. */
    private long[] widths() {
        var js = (JavascriptExecutor) browser();
        return new long[] {((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue(),
                ((Number) js.executeScript("return window.innerWidth")).longValue()};
    }

    /** The paths of the GET mappings of the pages module that render a page (not JSON, not a fragment). */
    private TreeSet<String> pageMappings() {
        var paths = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean pagesModule = method.getBeanType().getPackageName().equals(LayoutBrowserTest.class.getPackageName());
            boolean get = info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            boolean json = method.hasMethodAnnotation(ResponseBody.class)
                    || method.getBeanType().isAnnotationPresent(ResponseBody.class);
            if (pagesModule && get && !json) {
                info.getPatternValues().stream().filter(p -> !NOT_PAGES.contains(p) && !p.equals("/login")).forEach(paths::add);
            }
        });
        return paths;
    }

    /** An address with data behind it for each page mapping. */
    private Map<String, String> examples() throws Exception {
        var pages = new TreeMap<String, String>();
        pages.put("/", "/");
        pages.put("/problems", "/problems");
        pages.put("/problems/{id}", "/problems/" + seeded.invoiceProblem());
        pages.put("/problems/merge", "/problems/merge?into=" + seeded.invoiceProblem() + "&from=" + seeded.refundProblem());
        pages.put("/search", "/search?q=invoice");
        pages.put("/insights", "/insights");
        pages.put("/insights/{id}", "/insights/" + seeded.completeInsight());
        pages.put("/insights/new", "/insights/new?problem=" + seeded.invoiceProblem());
        pages.put("/insights/{id}/edit", "/insights/" + seeded.completeInsight() + "/edit");
        pages.put("/my-team", "/my-team");
        pages.put("/teams", "/teams");
        pages.put("/weekly", "/weekly");
        pages.put("/deadlines", "/deadlines");
        // the page shell with a replay that is not there: it says so (the player itself: ReplayPlayerBrowserTest)
        pages.put("/replays/{id}", "/replays/0190a6f2-0000-7000-8000-000000000001?t=1500");
        pages.put("/reports/yearly", "/reports/yearly");
        pages.put("/callbacks", "/callbacks?week=2026-W48");
        pages.put("/imports", "/imports");
        pages.put("/imports/{id}", "/imports/" + anImport());
        pages.put("/leaps", "/leaps");
        pages.put("/leaps/{id}", "/leaps/" + aLeap());
        pages.put("/mystery", "/mystery");
        pages.put("/mystery/runs/{id}", "/mystery/runs/" + aMysteryRun());
        callList();
        return pages;
    }

    private void callList() {
        if (callbacks.list(LocalDate.parse("2026-11-23")).exists()) {
            return;
        }
        var list = new ArrayList<SignalSubmission>();
        for (int i = 0; i < 12; i++) {
            list.add(SignalSubmission.parse(new RawSignal("zendesk", "layout-cb-" + i, "complaint", "SE", "pay-later",
                    "invoice", "2026-11-24T10:00:00Z", "en", INVOICE_EN, null, null, "customer-" + (100_000 + i)), clock));
        }
        intake.acceptAll(list);
        problems.assignPending();
        var built = callbacks.build(LocalDate.parse("2026-11-23"), "analyst");
        // one call made, with a long note: its row then offers to attach the note to an open insight (a wide select)
        callbacks.record(built.entries().getFirst().id(), CallOutcome.REACHED,
                "Reached the customer, who explained that the paper invoice arrived two weeks after the due date and that "
                        + "the reminder fee was charged before the invoice could be paid", "member");
    }

    private long aLeap() {
        return leaps.list().stream().findFirst().orElseGet(() -> leaps.create(new LeapDraft("Complaints per million",
                "Why do 40 in every million purchases end in a complaint?", LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-12-28"), List.of(new LeapMember("member", "invoicing")),
                List.of(seeded.invoiceProblem())), "analyst")).id();
    }

    private long aMysteryRun() {
        var runs = mystery.runs(null, 1);
        if (!runs.isEmpty()) {
            return runs.getFirst().id();
        }
        var scenario = mystery.createScenario(new NewScenario("SE online invoice", Market.of("SE"), Mode.ONLINE,
                "merchant web shop", PaymentMethod.values()[0], "none", List.of(Step.values())), "analyst");
        var run = mystery.start(scenario.id(), "anna", LocalDate.parse("2026-11-20"), "anna");
        mystery.record(run.id(), Step.values()[0], LocalDate.parse("2026-11-20"), Outcome.PROBLEM,
                "The reminder with a reminder fee arrived before the invoice did", "anna");
        return run.id();
    }

    private String anImport() throws Exception {
        var recent = imports.recent(1);
        if (!recent.isEmpty()) {
            return recent.getFirst().id().toString();
        }
        String csv = "source,source_id,channel,market,product,received_at,text\n"
                + "layout,l-1,complaint,SE,card,2026-11-20T10:00:00Z,The card was declined twice at the grocery store\n"
                + "layout,l-2,complaint,UK,card,2026-11-20T10:00:00Z,Wrong market code in this row\n";
        return imports.start(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of("layout.csv", "upload")).toString();
    }
}
