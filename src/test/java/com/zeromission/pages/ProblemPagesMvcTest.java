package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problem;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/** The problem pages' forms: bad input and refusals are an error page with 400, 404 or 409, and nothing changes. */
@SpringBootTest(properties = {"zeromission.problems.scheduling=false", "zeromission.alarms.scheduling=false",
        "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
class ProblemPagesMvcTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"viewer", "VIEWER"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Problems problems;
    @Autowired
    IntakeService intake;
    @Autowired
    Clock clock;

    long invoice, refund;

    /** Two problems (the same texts again join the same ones: each test sees them open and unnamed). */
    @BeforeEach
    void twoProblems() {
        invoice = problem("mvc-invoice", "The invoice never arrived and now I was charged a reminder fee");
        refund = problem("mvc-refund", "My refund for the returned jacket has not been paid back yet");
        assertThat(invoice).isNotEqualTo(refund);
    }

    private long problem(String sourceId, String text) {
        var outcome = intake.accept(SignalSubmission.parse(new RawSignal("mvc-test", sourceId + "-" + System.nanoTime(),
                "complaint", "SE", "pay-later", null, "2026-03-10T12:00:00Z", "en", text, null, null, null), clock));
        problems.assignPending();
        return problems.problemOf(((IntakeOutcome.Created) outcome).signal().id().toString()).orElseThrow().id();
    }

    private MvcTestResult post(String uri, String... params) {
        var request = mvc.post().uri(uri).with(user("analyst").roles("ANALYST")).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesABlankLabelAndChangesNothing() {
        Problem before = problems.get(ProblemId.of(invoice));
        int events = problems.details(ProblemId.of(invoice)).events().size();

        var result = post("/problems/" + invoice + "/rename", "label", "   ");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).contains("label must not be blank");
        assertThat(problems.get(ProblemId.of(invoice))).isEqualTo(before);
        assertThat(problems.details(ProblemId.of(invoice)).events()).hasSize(events);
    }

    @Test
    void renamesAndRedirectsBackToTheProblemWithAMessage() {
        try {
            var result = post("/problems/" + invoice + "/rename", "label", "Lost invoices");

            assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/problems/" + invoice);
            assertThat(result).flash().containsEntry("flash", "Renamed to 'Lost invoices'.");
            assertThat(problems.get(ProblemId.of(invoice)).label()).isEqualTo("Lost invoices");
        } finally {
            problems.rename(ProblemId.of(invoice), null, "test");
        }
    }

    @Test
    void refusesAProblemIdThatIsNotANumberNamingTheValue() {
        var result = post("/problems/abc/rename", "label", "Lost invoices");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).contains("problem id must be a positive whole number, was &#39;abc&#39;");

        var page = mvc.get().uri("/problems/12x").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(page)).contains("&#39;12x&#39;");
    }

    @Test
    void anOldMergePostLeadsToThePreviewWhichSaysEachMistakeBesideTheFieldAndChangesNothing() {
        var itself = post("/problems/" + invoice + "/merge", "from", String.valueOf(invoice));
        assertThat(itself).hasStatus(HttpStatus.FOUND);
        assertThat(itself.getResponse().getRedirectedUrl()).isEqualTo("/problems/merge?into=" + invoice + "&from=" + invoice);

        var self = preview("into=" + invoice + "&from=" + invoice);
        assertThat(self).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(self)).contains("id=\"merge-error\"").contains("into itself").doesNotContain("from must");

        var bad = preview("into=" + invoice + "&from=" + refund + ",seven");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(bad)).contains("id=\"merge-error\"").contains("not &#39;seven&#39;");

        // all or none: the known one in the list is not merged either
        var unknown = preview("into=" + invoice + "&from=" + refund + ",999999");
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(unknown)).contains("There is no problem 999999");

        var noTarget = preview("into=abc&from=" + refund);
        assertThat(noTarget).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(noTarget)).contains("id=\"into-error\"").contains("not &#39;abc&#39;");

        var blank = preview("into=" + invoice + "&from=,");
        assertThat(blank).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(blank)).contains("Find the problems to merge into problem " + invoice);

        assertThat(problems.get(ProblemId.of(refund)).state()).isEqualTo(ProblemState.OPEN);
        assertThat(problems.get(ProblemId.of(invoice)).state()).isEqualTo(ProblemState.OPEN);
    }

    @Test
    void findsTheProblemsToMergeByTheWordsOfTheirSignals() {
        var found = preview("into=" + refund + "&q=invoice");
        assertThat(found).hasStatus(HttpStatus.OK);
        assertThat(body(found)).contains("id=\"pick-merge\"").contains("value=\"" + invoice + "\"")
                .doesNotContain("name=\"from\" value=\"" + refund + "\"");

        var nothing = preview("into=" + refund + "&q=zebra");
        assertThat(body(nothing)).contains("No other problem has signals with the words &#39;zebra&#39;")
                .doesNotContain("id=\"pick-merge\"");
    }

    private MvcTestResult preview(String query) {
        return mvc.get().uri("/problems/merge?" + query).with(user("analyst").roles("ANALYST")).exchange();
    }

    @Test
    void showsTheProblemsNameAsItsHeadingAndTitle() {
        String name = problems.get(ProblemId.of(invoice)).label();
        assertThat(name).doesNotContain("·").contains(" ").containsIgnoringCase("invoice");
        var page = mvc.get().uri("/problems/" + invoice).with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatusOk();
        String html = body(page);
        assertThat(html).contains("<h1 id=\"label\">" + name + "</h1>");
        assertThat(html).containsPattern("<title>[^<]*" + java.util.regex.Pattern.quote(name));
    }

    @Test
    void answersNotFoundForAnUnknownProblem() {
        var page = mvc.get().uri("/problems/999999").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(page)).contains("no problem with id 999999");
        assertThat(post("/problems/999999/resolve")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesASplitWithoutExamplesAPinThatIsNotTrueOrFalseAndReopeningAnOpenProblem() {
        var split = post("/problems/" + invoice + "/split", "label", "Nothing ticked");
        assertThat(split).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(split)).contains("tick at least one example");

        var pin = post("/problems/" + invoice + "/pin", "pinned", "maybe");
        assertThat(pin).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(pin)).contains("pinned must be true or false, was &#39;maybe&#39;");
        assertThat(problems.get(ProblemId.of(invoice)).pinned()).isFalse();

        var reopen = post("/problems/" + invoice + "/reopen");
        assertThat(reopen).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(reopen)).contains("is open, not resolved or regressed");
        assertThat(problems.list(List.of(ProblemState.OPEN), 500)).extracting(Problem::id).contains(invoice, refund);
    }

    @Test
    void listsOpenProblemsByDefaultAndRefusesAnUnknownStateOrSortNamingIt() {
        var list = mvc.get().uri("/problems").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(list).hasStatus(HttpStatus.OK);
        assertThat(body(list)).contains("data-problem=\"" + invoice + "\"").contains("<polyline points=");

        var state = mvc.get().uri("/problems?state=closed").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(state).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(state)).contains("state must be open, resolved, regressed or all, was &#39;closed&#39;");
        var sort = mvc.get().uri("/problems?sort=oldest").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(sort).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(sort)).contains("&#39;oldest&#39;");
    }

    @Test
    void refusesAViewersChangeEvenWithAToken() {
        var result = mvc.post().uri("/problems/" + invoice + "/resolve").with(user("viewer").roles("VIEWER")).with(csrf())
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(problems.get(ProblemId.of(invoice)).state()).isEqualTo(ProblemState.OPEN);
    }
}
