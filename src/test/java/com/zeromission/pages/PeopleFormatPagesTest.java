package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * Counts are shown to people with thousands separators: with more than a thousand complaints of one problem, open
 * cases and insights of one team, no table cell of the Problems, Teams and Deadlines pages shows a number of four
 * or more digits run together. The exceptions are explicit: the date columns (a year has four digits).
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleFormatPagesTest {

    static final int MANY = 1_150;
    static final Pattern RUN_TOGETHER = Pattern.compile("\\b\\d{4,}\\b");
    static final Pattern CELL = Pattern.compile("<td([^>]*)>(.*?)</td>", Pattern.DOTALL);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestClock clock;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    Insights insights;

    @BeforeAll
    void manyOfEverything() {
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        var signals = new ArrayList<SignalSubmission>();
        for (int i = 0; i < MANY; i++) {
            // last week's complaints (the top problems, due soon) and older ones (overdue)
            String day = i % 2 == 0 ? "2026-11-24" : "2026-10-0" + (1 + i % 5);
            signals.add(SignalSubmission.parse(new RawSignal("format-test", "f-" + i, "complaint", "SE", "pay-in-3",
                    "invoice", day + "T10:00:00Z", "sv", "Fakturan kom aldrig och nu fick jag en påminnelseavgift",
                    null, null, null), clock));
        }
        intake.acceptAll(signals);
        problems.assignPending();
        insights.saveTeam(new Team("invoicing", "payments", List.of("member")));
        insights.saveTeam(new Team("refunds", "payments", List.of("member")));
        long problem = problems.list(List.of(ProblemState.OPEN), 1).getFirst().id();
        for (int i = 0; i < MANY; i++) {
            insights.create(new InsightContent("Invoices arrive late", List.of(problem), List.of(), List.of(),
                    "Paper invoices arrive after their due date.", null, null, 3.0, "invoicing", null,
                    List.of("invoicing", "refunds"), List.of(), null, null), "analyst");
        }
    }

    @Test
    void theProblemsPageShowsNoCountOfFourDigitsRunTogetherOutsideItsDates() {
        String page = page("/problems");
        assertThat(page).contains(String.format("%,d", MANY));
        // the last-seen column is a date ("24 Nov 2026"): its year is the one exception
        assertThat(unformatted(page, List.of("date"))).isEmpty();
    }

    @Test
    void theTeamsPageShowsNoCountOfFourDigitsRunTogether() {
        String page = page("/teams");
        assertThat(page).contains(String.format("%,d", MANY));
        assertThat(unformatted(page, List.of())).isEmpty();
    }

    @Test
    void theDeadlinesPageShowsNoCountOfFourDigitsRunTogetherOutsideItsDates() {
        String page = page("/deadlines");
        assertThat(page).contains(String.format("%,d", MANY));
        // the received and due columns are dates ("24 Nov 2026, 11:00 CET"): their year is the one exception
        assertThat(unformatted(page, List.of("date"))).isEmpty();
    }

    /** The texts of the cells with a number of 4+ digits, except cells of the given classes. */
    private static List<String> unformatted(String html, List<String> exceptClasses) {
        var found = new ArrayList<String>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            String attributes = m.group(1);
            if (exceptClasses.stream().anyMatch(c -> attributes.matches(".*class=\"[^\"]*\\b" + c + "\\b[^\"]*\".*"))) {
                continue;
            }
            // ISO week labels ("2026-W48", in the trend's description) are dates too
            String text = m.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\b\\d{4}-W\\d{2}\\b", "week");
            if (RUN_TOGETHER.matcher(text).find()) {
                found.add(text.strip());
            }
        }
        return found;
    }

    private String page(String path) {
        var result = mvc.get().uri(path).with(user("analyst").roles("ANALYST")).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCheckFindsARawCountAndSkipsOnlyTheMarkedDateCells() {
        assertThat(unformatted("<td class=\"num\">2199</td><td class=\"num\">2,199</td><td class=\"date nowrap\">24 Nov 2026</td>",
                List.of("date"))).containsExactly("2199");
    }
}
