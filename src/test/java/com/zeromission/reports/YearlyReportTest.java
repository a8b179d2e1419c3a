package com.zeromission.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.alarms.TestClock;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
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
 * The yearly report page and API on a constructed year, through the real intake, grouping, purchase figures and
 * effect measurement. 2025: 10,000 purchases a day in SE and NL and 73 complaints. 2026: a million a day in each; an
 * invoice problem at 40 complaints a week until its fix (resolved on 2 March) and 10 a week after, verified on 6 May;
 * a login crash rising from 10 to 30 a week, and a Dutch decline problem at 3 a week. The report is read on
 * 10 June 2026.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
@Import(YearlyReportTest.ClockConfiguration.class)
class YearlyReportTest {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-02T12:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock mutableClock() {
            return CLOCK;
        }
    }

    static final String[][] USERS = {{"viewer", "VIEWER"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    static final String FIXED = "The invoice never arrived and now I got a reminder fee for it";
    static final String RISING = "The app crashes every time I try to log in to pay";
    static final String STEADY = "Mijn betaling werd geweigerd zonder dat iemand zegt waarom";
    static final String LAST_YEAR = "The refund for my returned parcel never came back to my card";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Insights insights;
    @Autowired
    Problems problems;
    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;
    @Autowired
    Targets targets;
    @Autowired
    YearlyReports reports;

    private static boolean seeded;
    private static long fixId;
    private static int ids;

    void complaints(String text, String market, String language, String monday, int weeks, int perWeek) {
        var list = new ArrayList<SignalSubmission>();
        for (int w = 0; w < weeks; w++) {
            LocalDate week = LocalDate.parse(monday).plusWeeks(w);
            for (int i = 0; i < perWeek; i++) {
                list.add(submission(text, market, language, week.plusDays(1 + i % 3)));
            }
        }
        intake.acceptAll(list);
        problems.assignPending();
    }

    SignalSubmission submission(String text, String market, String language, LocalDate day) {
        return SignalSubmission.parse(new RawSignal("yearly-test", "y-" + (++ids), "complaint", market, "pay-later",
                "invoice", day + "T10:00:00Z", language, text, null, null, null), CLOCK);
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            CLOCK.set(Instant.parse("2026-06-10T12:00:00Z"));
            return;
        }
        seeded = true;
        CLOCK.set(Instant.parse("2026-03-02T12:00:00Z"));
        var days = new ArrayList<PurchaseCount>();
        for (LocalDate d = LocalDate.parse("2025-01-01"); d.isBefore(LocalDate.parse("2026-07-01")); d = d.plusDays(1)) {
            long n = d.getYear() == 2025 ? 10_000 : 1_000_000;
            days.add(new PurchaseCount(d, "SE", "pay-later", n));
            days.add(new PurchaseCount(d, "NL", "pay-later", n));
        }
        // purchase figures are stored once their days have passed: the figures up to June, as of the end of June
        CLOCK.set(Instant.parse("2026-06-30T12:00:00Z"));
        purchases.upsert(days, "test");
        CLOCK.set(Instant.parse("2026-03-02T12:00:00Z"));
        targets.set(new Targets.Target(2026, Scope.GLOBAL, new BigDecimal("5.0")));
        // 2025: 73 complaints, one every five days, every third in NL
        var lastYear = new ArrayList<SignalSubmission>();
        for (int i = 0; i < 73; i++) {
            lastYear.add(submission(LAST_YEAR, i % 3 == 0 ? "NL" : "SE", "en", LocalDate.parse("2025-01-01").plusDays(5L * i)));
        }
        intake.acceptAll(lastYear);
        complaints(FIXED, "SE", "en", "2026-01-05", 8, 40);
        long fixed = problemOf(FIXED);
        insights.saveTeam(new Team("invoice-team", "payments", List.of("anna")));
        var i = insights.create(new InsightContent("Digital invoices by default", List.of(fixed),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/y"))), List.of(),
                "Invoices sent by post arrive after the due date, so customers pay a reminder fee for an invoice they never saw.",
                "Send the invoice by e-mail and in the app by default, and waive the fee when the post was late.",
                new ImpactModel(null, 1, BigDecimal.TEN, BigDecimal.ZERO, 0, BigDecimal.ZERO, 1, null, null), 3.0, "invoice-team",
                "anna", List.of("invoice-team"), List.of(), null, null), "anna");
        fixId = i.id().value();
        insights.delegate(InsightId.of(fixId), "anna");
        insights.move(InsightId.of(fixId), InsightState.IN_PROGRESS, "anna", null);
        insights.move(InsightId.of(fixId), InsightState.RESOLVED, "anna", "shipped");

        CLOCK.set(Instant.parse("2026-05-06T12:00:00Z"));
        complaints(FIXED, "SE", "en", "2026-03-09", 8, 10);
        assertThat(insights.measure(InsightId.of(fixId), "system").outcome()).isEqualTo("verified");

        CLOCK.set(Instant.parse("2026-06-10T12:00:00Z"));
        complaints(RISING, "SE", "en", "2026-03-16", 6, 10);
        complaints(RISING, "SE", "en", "2026-04-27", 6, 30);
        complaints(STEADY, "NL", "nl", "2026-03-16", 12, 3);
    }

    long problemOf(String text) {
        return problems.list(List.of(), 500).stream()
                .filter(p -> problems.details(ProblemId.of(p.id())).examples().stream().anyMatch(e -> e.text().equals(text)))
                .findFirst().orElseThrow().id();
    }

    @Test
    void reportsLastYearThisYearTheChangeAndTheTarget() {
        var report = reports.yearly(2026);
        var g = report.global();

        assertThat(report.complete()).isFalse();
        assertThat(report.asOf()).isEqualTo(LocalDate.parse("2026-06-09"));
        assertThat(g.lastYearComplaints()).isEqualTo(73);
        assertThat(g.lastYearPurchases()).isEqualTo(7_300_000);
        assertThat(g.lastYearCpm()).isEqualTo(10.0);
        // 2026 to 9 June: 160 days of 2 million purchases; 320 + 80 invoice, 240 login, 36 decline complaints
        assertThat(g.purchases()).isEqualTo(320_000_000);
        assertThat(g.complaints()).isEqualTo(676);
        assertThat(g.cpm()).isCloseTo(2.1125, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(g.changePercent()).isCloseTo(-78.875, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(g.target()).isEqualTo(5.0);
        assertThat(g.projectedCpm()).isNotNull().isLessThan(5.0);
        assertThat(g.verdict()).isEqualTo(Verdict.ON_TRACK);
        String headline = "In 2026 up to 9 June 2026 complaints per million purchases fell from 10.0 to 2.1 (\u221279 %), "
                + "against a target of 5.0; the full year is projected at " + ReportText.cpm(g.projectedCpm()) + ": on track.";
        assertThat(report.sentences().headline()).isEqualTo(headline);
        assertThat(report.markets()).extracting(YearlyReport.Figures::scope).containsExactly("NL", "SE");
        var se = report.markets().get(1);
        assertThat(se.lastYearComplaints()).isEqualTo(48);
        assertThat(se.complaints()).isEqualTo(640);
        assertThat(report.sentences().markets()).startsWith("2 of 2 markets improved on 2025; the largest drop was ")
                .endsWith("; 2 of 2 markets are within their target (all held to the global target 5.0 CPM).");
        // neither market has a target of its own: both are held to the global one, as the dashboard holds them
        assertThat(report.markets()).allSatisfy(m -> {
            assertThat(m.target()).isEqualTo(5.0);
            assertThat(m.globalTarget()).isTrue();
            assertThat(m.verdict()).isEqualTo(Verdict.ON_TRACK);
        });
        assertThat(g.globalTarget()).isFalse();

        var api = mvc.get().uri("/api/v1/reports/yearly?year=2026").with(httpBasic("viewer", "secret")).exchange();
        assertThat(api).hasStatusOk().bodyJson().extractingPath("$.sentences.headline").isEqualTo(headline);
        assertThat(api).bodyJson().extractingPath("$.global.lastYearCpm").isEqualTo(10.0);
        assertThat(api).bodyJson().extractingPath("$.global.verdict").isEqualTo("ON_TRACK");
        assertThat(api).bodyJson().extractingPath("$.markets[1].scope").isEqualTo("SE");

        var page = mvc.get().uri("/reports/yearly?year=2026").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("The 2026 report")
                .contains(headline.replace("'", "&#39;")).contains("data-market=\"SE\"").contains("Per market")
                .contains("5.0 (global)").contains("held to the global target 5.0 CPM");
    }

    @Test
    void listsTheInitiativesThatWereVerifiedWithTheirMeasuredEffect() {
        var report = reports.yearly(2026);

        assertThat(report.initiatives()).hasSize(1);
        var i = report.initiatives().getFirst();
        assertThat(i.insightId()).isEqualTo(fixId);
        assertThat(i.state()).isEqualTo(InsightState.VERIFIED);
        assertThat(i.verifiedAt()).isEqualTo(Instant.parse("2026-05-06T12:00:00Z"));
        // measured as the verification did: 8 weeks before the fix's week, the 8 full weeks after it up to 27 April
        assertThat(i.effect().complaintsBefore()).isEqualTo(320);
        assertThat(i.effect().complaintsAfter()).isEqualTo(80);
        assertThat(i.effect().changePercent()).isCloseTo(-75.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(i.effect().real()).isTrue();
        assertThat(i.complaintsPerWeekBefore()).isEqualTo(40.0);
        assertThat(i.complaintsPerWeekAfter()).isEqualTo(10.0);
        String sentence = "“Digital invoices by default” (invoice-team) cut its problems' complaints from 40 to 10 a week "
                + "(\u221275 % per purchase, p < 0.001); verified.";
        assertThat(i.sentence()).isEqualTo(sentence);
        assertThat(report.sentences().initiatives()).isEqualTo("1 fix was verified in 2026 by the effect measurement: "
                + "together their problems went from 40 to 10 complaints a week.");

        assertThat(mvc.get().uri("/api/v1/reports/yearly?year=2026").with(httpBasic("viewer", "secret")).exchange())
                .bodyJson().extractingPath("$.initiatives[0].effect.complaintsAfter").isEqualTo(80);
        assertThat(mvc.get().uri("/reports/yearly?year=2026").with(user("viewer").roles("VIEWER")).exchange())
                .bodyText().contains("data-insight=\"" + fixId + "\"").contains("Digital invoices by default")
                .contains("320 complaints in the 8 weeks before the fix, 80 in the 8 weeks after");
        // 2025 had no fix: its report says so
        assertThat(reports.yearly(2025).sentences().initiatives()).isEqualTo("No fix was resolved or verified in 2025.");
    }

    @Test
    void namesNextYearsFocusFromTheTopOpenProblems() {
        var focus = reports.yearly(2026).focus();

        // the 12 full weeks up to last week (1 June): 70 invoice (after the fix), 240 login, 36 decline complaints
        assertThat(focus.fromWeek()).isEqualTo("2026-W12");
        assertThat(focus.toWeek()).isEqualTo("2026-W23");
        assertThat(focus.complaints()).isEqualTo(346);
        var top = focus.areas().getFirst();
        assertThat(top.problemId()).isEqualTo(problemOf(RISING));
        assertThat(top.complaints()).isEqualTo(240);
        assertThat(top.share()).isCloseTo(240.0 / 346, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(top.trend()).isEqualTo(Trend.RISING);
        assertThat(top.trendPercent()).isEqualTo(200.0);
        assertThat(top.ownerTeam()).isNull();
        assertThat(top.sentence()).endsWith(": 240 complaints, 69 % of all, rising (+200 % in the last six weeks "
                + "against the six before); nobody owns it yet.");
        assertThat(focus.areas()).extracting(YearlyReport.FocusArea::trend)
                .containsExactly(Trend.RISING, Trend.FALLING, Trend.STEADY);
        assertThat(reports.yearly(2026).sentences().focus()).startsWith("Focus for 2027: the 3 open problems with the "
                + "most complaints from 2026-W12 to 2026-W23 account for 100 % of all complaints in those weeks; the largest, “"
                + top.label() + "”, alone for 69 %");

        assertThat(mvc.get().uri("/reports/yearly?year=2026").with(user("viewer").roles("VIEWER")).exchange())
                .bodyText().contains("Focus for 2027").contains("data-problem=\"" + top.problemId() + "\"");
    }

    @Test
    void refusesAYearWithoutFigures() {
        var api = mvc.get().uri("/api/v1/reports/yearly?year=2019").with(httpBasic("viewer", "secret")).exchange();
        assertThat(api).hasStatus(400).bodyJson().extractingPath("$.detail")
                .isEqualTo("year 2019 has no purchase figures; years with figures: [2025, 2026]");
        assertThat(api).bodyJson().extractingPath("$.yearsWithFigures").asArray().containsExactly(2025, 2026);

        var page = mvc.get().uri("/reports/yearly?year=2027").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatus(400).bodyText().contains("year 2027 has no purchase figures; years with figures: [2025, 2026]");
    }
}
