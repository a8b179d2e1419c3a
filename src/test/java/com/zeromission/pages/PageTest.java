package com.zeromission.pages;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * Base of the browser tests: the whole application on a random port with an embedded database, a fixed clock
 * (2026-12-01, so last week is 2026-W48), and a small, known data set written once through the real services.
 * All browser test classes share this one application context (same configuration) and one Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false"})
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
abstract class PageTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
            {"viewer", "VIEWER"}};
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** The seeded texts: three problems, the invoice one in English and Swedish. */
    static final String INVOICE_EN = "I never received the invoice for my order and now I got a reminder fee",
            INVOICE_SV = "Jag har aldrig fått någon faktura för min beställning och nu fick jag en påminnelseavgift",
            REFUND = "My refund for the returned shoes has not arrived after three weeks",
            APP = "The app crashes every time I try to log in with bank id";

    @DynamicPropertySource
    static void application(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;
    @Autowired
    Targets targets;
    @Autowired
    Problems problems;
    @Autowired
    Insights insights;

    /** Set once per application context by the first test that runs in it. */
    static Seeded seeded;

    record Seeded(long invoiceProblem, long refundProblem, long appProblem, long completeInsight, long draftInsight) {
    }

    @BeforeEach
    void seedOnceAndSignOut() {
        synchronized (PageTest.class) {
            if (seeded == null || !problemsExist()) {
                seeded = seed();
            }
        }
        WebDriver b = browser();
        b.get(url("/login"));
        b.manage().deleteAllCookies();
    }

    private boolean problemsExist() {
        try {
            problems.get(ProblemId.of(seeded.invoiceProblem()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Seeded seed() {
        clock.set(NOW);
        var counts = new ArrayList<PurchaseCount>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2026, 12, 1)); d = d.plusDays(1)) {
            counts.add(new PurchaseCount(d, "SE", "pay-later", 20_000));
            counts.add(new PurchaseCount(d, "GB", "card", 10_000));
        }
        purchases.upsert(counts, "browser-test");
        targets.set(new Targets.Target(2026, Scope.GLOBAL, new BigDecimal("25.0")));
        var signals = new ArrayList<SignalSubmission>();
        int n = 0;
        // every week of 2026 a few complaints; more about invoices in the last week (2026-W48: Nov 23-29)
        for (LocalDate week = LocalDate.of(2026, 1, 5); week.isBefore(LocalDate.of(2026, 11, 30)); week = week.plusWeeks(1)) {
            boolean last = week.equals(LocalDate.of(2026, 11, 23));
            for (int i = 0; i < (last ? 12 : 3); i++) {
                String text = switch (i % 4) {
                    case 0 -> INVOICE_EN;
                    case 1 -> INVOICE_SV;
                    case 2 -> REFUND;
                    default -> last && i > 6 ? INVOICE_EN : APP;
                };
                String market = i % 2 == 0 ? "GB" : "SE";
                String product = market.equals("GB") ? "card" : "pay-later";
                signals.add(SignalSubmission.parse(new RawSignal("browser-test", "bt-" + (n++), "complaint", market,
                        product, "invoice", week.plusDays(i % 5) + "T10:00:00Z", null,
                        // personal data in some texts, which no page may show unmasked
                        text.equals(INVOICE_EN) ? text + ", write to anna.berg@example.com about case " + n : text, null, null, null), clock));
            }
        }
        var outcomes = intake.acceptAll(signals);
        problems.assignPending();
        long invoice = problemOf(outcomes.get(0)), refund = problemOf(outcomes.get(2)), app = problemOf(outcomes.get(3));

        insights.saveTeam(new Team("invoicing", "payments", List.of("member", "analyst")));
        insights.saveTeam(new Team("refunds", "operations", List.of("member")));
        Insight complete = insights.create(new InsightContent("Send invoices digitally by default", List.of(invoice),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/invoice"))), List.of(),
                "Paper invoices arrive after their due date, so customers pay a reminder fee.",
                "Send digital invoices by default and give paper invoices a fourteen-day grace period.",
                new ImpactModel(null, 1.0, new BigDecimal("3.00"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 1.0, null, null), 5.0,
                "invoicing", "member", List.of("invoicing"), List.of(), 2.0, 0.8), "analyst");
        Insight draft = insights.create(new InsightContent("Refunds take weeks", List.of(refund), List.of(), List.of(),
                "Refunds for returns are paid out late.", null, null, null, null, null, List.of(), List.of(), null, null),
                "analyst");
        insights.move(complete.id(), InsightState.ACTIONABLE, "analyst", "ready for delegation");
        return new Seeded(invoice, refund, app, complete.id().value(), draft.id().value());
    }

    private long problemOf(IntakeOutcome outcome) {
        var id = ((IntakeOutcome.Created) outcome).signal().id().toString();
        return problems.problemOf(id).orElseThrow().id();
    }

    WebDriver browser() {
        return Browser.get();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        browser().get(url(path));
    }

    void signIn(String user) {
        open("/login");
        browser().findElement(By.id("username")).sendKeys(user);
        browser().findElement(By.id("password")).sendKeys("secret");
        browser().findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector("header.top .who"));
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(browser(), Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    String text(By what) {
        return waitFor(what).getText();
    }
}
