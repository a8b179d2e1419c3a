package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.net.URI;
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
import org.springframework.util.LinkedMultiValueMap;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Weeks;
import com.zeromission.callbacks.CallOutcome;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The insight page's edit form: a bad value is a 400 page naming the field and the value, and nothing changes; a
 * good one saves and redirects with a message; an insight that was delegated cannot be edited.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
class InsightPageFormTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"viewer", "VIEWER"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Insights insights;
    @Autowired
    Callbacks callbacks;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    java.time.Clock clock;
    @Autowired
    Cadence cadence;

    Insight insight;

    @BeforeEach
    void anInsightWithEveryGateField() {
        insights.saveTeam(new Team("invoicing", "payments", List.of("anna")));
        insight = insights.create(new InsightContent("Reminder fees for invoices that never came", List.of(),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/1"))), List.of(),
                "Paper invoices sent in January arrive after their due date, so customers pay a reminder fee.",
                "Send digital invoices by default and give January invoices a fourteen-day grace period.",
                new ImpactModel(12_000, 1.5, new BigDecimal("6.00"), new BigDecimal("5.00"), 0.02, new BigDecimal("40.00"), 0.75),
                8.0, "invoicing", "anna", List.of("invoicing", "print"), List.of("legal"), null, null), "analyst");
    }

    /** The form as the page fills it in, with some fields changed. */
    LinkedMultiValueMap<String, String> form(String... changes) {
        var form = new LinkedMultiValueMap<String, String>();
        var f = InsightForm.of(insight.content());
        form.add("title", f.title());
        form.add("problemDefinition", f.problemDefinition());
        form.add("proposedSolution", f.proposedSolution());
        form.add("ownerTeam", f.ownerTeam());
        form.add("responsiblePerson", f.responsiblePerson());
        form.add("effortPersonDays", f.effortPersonDays());
        form.add("occurrencesPerYear", f.occurrencesPerYear());
        form.add("contactsPerOccurrence", f.contactsPerOccurrence());
        form.add("contactCost", f.contactCost());
        form.add("shareRemovedPercent", f.shareRemovedPercent());
        form.add("replayUrl", f.replayUrl());
        for (int i = 0; i < changes.length; i += 2) {
            form.set(changes[i], changes[i + 1]);
        }
        return form;
    }

    MvcTestResult post(String user, String role, LinkedMultiValueMap<String, String> form) {
        return mvc.post().uri("/insights/" + insight.id() + "/edit").with(user(user).roles(role)).with(csrf())
                .formFields(form).exchange();
    }

    void assertRefused(MvcTestResult result, String... message) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyText().contains(message);
        assertThat(insights.get(insight.id())).isEqualTo(insight);
    }

    @Test
    void theFormShowsWhatTheInsightSaysNow() {
        var f = InsightForm.of(insight.content());
        assertThat(f).isEqualTo(new InsightForm("Reminder fees for invoices that never came",
                insight.content().problemDefinition(), insight.content().proposedSolution(), "invoicing", "anna", "8",
                "12000", "1.5", "6", "75", "https://replay.example.com/s/1", "", "", "invoicing, print", "legal", ""));
        assertThat(mvc.get().uri("/insights/" + insight.id()).with(user("analyst").roles("ANALYST"))).hasStatusOk()
                .bodyText().contains("name=\"shareRemovedPercent\" value=\"75\"")
                .contains("<option value=\"invoicing\" selected=\"selected\">invoicing (payments)</option>");
    }

    @Test
    void refusesANegativeEffortAndChangesNothing() {
        assertRefused(post("analyst", "ANALYST", form("effortPersonDays", "-2", "title", "A new title that is not saved")),
                "effort (person-days) must be more than 0 and at most 10000, was &#39;-2&#39;");
    }

    @Test
    void refusesAValueThatIsNotANumberNamingTheField() {
        assertRefused(post("analyst", "ANALYST", form("occurrencesPerYear", "lots")),
                "occurrences a year must be a number, was &#39;lots&#39;");
        assertRefused(post("analyst", "ANALYST", form("occurrencesPerYear", "1.5")),
                "occurrences a year must be a whole number from 0 to 1000000000000, was &#39;1.5&#39;");
        assertRefused(post("analyst", "ANALYST", form("shareRemovedPercent", "120")),
                "share removed by the fix (%) must be from 0 to 100, was &#39;120&#39;");
        assertRefused(post("analyst", "ANALYST", form("contactCost", "NaN")), "cost of a contact must be a number");
    }

    @Test
    void aFieldThePostLeavesOutKeepsWhatTheInsightSays() {
        var only = new LinkedMultiValueMap<String, String>();
        only.add("title", "Reminder fees after late paper invoices");

        assertThat(post("analyst", "ANALYST", only)).hasStatus(HttpStatus.FOUND);

        var after = insights.get(insight.id()).content();
        assertThat(after.title()).isEqualTo("Reminder fees after late paper invoices");
        var c = insight.content();
        assertThat(after.problemDefinition()).isEqualTo(c.problemDefinition());
        assertThat(after.proposedSolution()).isEqualTo(c.proposedSolution());
        assertThat(after.ownerTeam()).isEqualTo("invoicing");
        assertThat(after.responsiblePerson()).isEqualTo("anna");
        assertThat(after.effortPersonDays()).isEqualTo(8.0);
        assertThat(after.impact()).isEqualTo(c.impact());
        assertThat(after.evidence()).isEqualTo(c.evidence());
    }

    @Test
    void refusesACostTooLargeToBeAnEstimateBesideItsFieldAndChangesNothing() {
        var before = insights.get(insight.id());
        assertRefused(post("analyst", "ANALYST", form("contactCost", "1e999999999")), "cost of a contact must be from 0 to 1000000000");
        assertRefused(post("analyst", "ANALYST", form("contactCost", "6.505")), "cost of a contact must have at most two decimals");
        assertThat(insights.get(insight.id())).isEqualTo(before);
    }

    @Test
    void refusesAHalfFilledImpactModelNamingWhatIsMissing() {
        assertRefused(post("analyst", "ANALYST", form("contactCost", "", "shareRemovedPercent", " ")),
                "missing: cost of a contact, share removed by the fix (%)");
    }

    @Test
    void refusesAReplayLinkThatIsNotHttps() {
        assertRefused(post("analyst", "ANALYST", form("replayUrl", "http://replay.example.com/s/2")),
                "a session-replay link must be an absolute https URL, was &#39;http://replay.example.com/s/2&#39;");
    }

    @Test
    void savesTheGateFieldsKeepingWhatTheFormDoesNotShow() {
        var result = post("analyst", "ANALYST", form("effortPersonDays", "2.5", "shareRemovedPercent", "50",
                "replayUrl", "https://replay.example.com/s/2"));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/insights/" + insight.id() + "#top");
        assertThat(result).flash().containsEntry("flash", "Saved. It passes the quality gate and can be delegated.");
        var c = insights.get(insight.id()).content();
        assertThat(c.effortPersonDays()).isEqualTo(2.5);
        // 12,000 x (1.5 x 6 + 5 fees + 2 % x 40 lost) x 50 %: the fees and lost purchases the form does not show are kept
        assertThat(c.impact().shareRemoved()).isEqualTo(0.5);
        assertThat(c.impact().feesRefunded()).isEqualByComparingTo("5");
        assertThat(c.impact().lostPurchaseValue()).isEqualByComparingTo("40");
        assertThat(c.impact().valuePerYear()).isEqualByComparingTo("88800");
        assertThat(c.evidence()).containsExactly(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/2")));
        assertThat(c.teamsNeeded()).containsExactly("invoicing", "print");
        assertThat(c.approvalsNeeded()).containsExactly("legal");
    }

    @Test
    void clearingAFieldTheGateNeedsSavesAndSaysWhatIsMissing() {
        var result = post("analyst", "ANALYST", form("responsiblePerson", ""));
        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(result).flash().containsEntry("flash",
                "Saved. 86 % ready; still missing: responsible-person: nobody is responsible.");
        assertThat(insights.get(insight.id()).content().responsiblePerson()).isNull();
    }

    @Test
    void refusesToEditADelegatedInsightWithAnAlert() {
        insights.delegate(insight.id(), "analyst");
        var delegated = insights.get(insight.id());
        var result = post("analyst", "ANALYST", form("effortPersonDays", "3"));
        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(result).flash().extractingByKey("refusal").asString()
                .contains("only a draft or an actionable insight can be edited");
        assertThat(insights.get(insight.id())).isEqualTo(delegated);
    }

    @Test
    void aViewerMayNotEdit() {
        assertThat(post("viewer", "VIEWER", form("effortPersonDays", "3"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(insights.get(insight.id())).isEqualTo(insight);
    }

    @Test
    void showsEveryBadValueBesideItsFieldAndKeepsWhatWasTyped() {
        var result = post("analyst", "ANALYST", form("effortPersonDays", "lots", "occurrencesPerYear", "1.5",
                "proposedSolution", "Typed and not lost: send the invoice by e-mail as well."));
        assertRefused(result, "id=\"effortPersonDays-error\"", "effort (person-days) must be a number, was &#39;lots&#39;",
                "id=\"occurrencesPerYear-error\"", "occurrences a year must be a whole number",
                "2 fields need correcting", "Typed and not lost: send the invoice by e-mail as well.",
                "name=\"effortPersonDays\" value=\"lots\"");
    }

    LinkedMultiValueMap<String, String> newForm(String... fields) {
        var form = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return form;
    }

    @Test
    void writesANewDraftFromTheFormAndOpensIt() {
        var result = mvc.post().uri("/insights").with(user("analyst").roles("ANALYST")).with(csrf())
                .formFields(newForm("title", "Invoices arrive after their due date", "problemDefinition",
                        "Paper invoices sent in January arrive after their due date, so customers pay a reminder fee.",
                        "teamsNeeded", "invoicing, print", "approvalsNeeded", "legal")).exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/insights/", ""));
        var created = insights.get(InsightId.of(id));
        assertThat(created.state()).isEqualTo(InsightState.DRAFT);
        assertThat(created.createdBy()).isEqualTo("analyst");
        assertThat(created.content().teamsNeeded()).containsExactly("invoicing", "print");
        assertThat(created.content().approvalsNeeded()).containsExactly("legal");
        assertThat(result).flash().extractingByKey("flash").asString().startsWith("Draft saved. 14 % ready; still missing: evidence");
    }

    @Test
    void refusesANewInsightWithoutATitleBesideTheFieldAndSavesNothing() {
        int before = insights.list(java.util.EnumSet.noneOf(InsightState.class)).size();
        var result = mvc.post().uri("/insights").with(user("analyst").roles("ANALYST")).with(csrf())
                .formFields(newForm("title", " ", "effortPersonDays", "3", "problems", "12, x")).exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyText().contains("id=\"title-error\"", "a title is required", "id=\"problems-error\"", "&#39;x&#39; is not one", "name=\"effortPersonDays\" value=\"3\"");
        assertThat(insights.list(java.util.EnumSet.noneOf(InsightState.class))).hasSize(before);
    }

    @Test
    void theGateCheckSaysWhatIsMissingWithoutSaving() {
        var result = mvc.post().uri("/insights/gate").with(user("analyst").roles("ANALYST")).with(csrf())
                .formFields(newForm("title", "", "effortPersonDays", "2", "occurrencesPerYear", "5000", "contactsPerOccurrence",
                        "1.2", "contactCost", "6.50", "shareRemovedPercent", "60", "ownerTeam", "invoicing",
                        "responsiblePerson", "bob")).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.valuePerYear").isEqualTo(23400);
        assertThat(result).bodyJson().extractingPath("$.readinessPercent").isEqualTo(43);
        assertThat(result).bodyJson().extractingPath("$.checks[6].reason").isEqualTo("'bob' is not a member of invoicing");
        assertThat(mvc.post().uri("/insights/gate").with(user("analyst").roles("ANALYST")).with(csrf())
                .formFields(newForm("effortPersonDays", "-1")).exchange()).bodyJson().extractingPath("$.errors.effortPersonDays")
                .asString().contains("must be more than 0");
        assertThat(insights.get(insight.id())).isEqualTo(insight);
    }

    @Test
    void aViewerMayNeitherOpenNorSendTheNewInsightForm() {
        assertThat(mvc.get().uri("/insights/new").with(user("viewer").roles("VIEWER"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/insights").with(user("viewer").roles("VIEWER")).with(csrf())
                .formFields(newForm("title", "A title")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void writesAnInsightFromAReachedCallWithItsNoteAsEvidence() {
        var week = callbacks.lastWeek().minusWeeks(2);
        intake.acceptAll(List.of(SignalSubmission.parse(new RawSignal("zendesk",
                "form-call-1", "complaint", "SE", "card", "payment", week.plusDays(2) + "T10:00:00Z", "en",
                "complaint quorvel brintash melopraxe", null, null, "form-customer-1"), clock)));
        problems.assignPending();
        var entry = callbacks.build(week, "analyst").entries().stream()
                .filter(e -> e.problemLabel().contains("quorvel")).findFirst().orElseThrow();
        callbacks.record(entry.id(), CallOutcome.REACHED, "paid on time, the reminder came anyway", "ida");

        // the call-backs page offers it beside the reached call's note
        assertThat(mvc.get().uri("/callbacks?week=" + Weeks.label(week))
                .with(user("analyst").roles("ANALYST"))).hasStatusOk().bodyText()
                .contains("href=\"/insights/new?call=" + entry.id() + "\"");
        assertThat(mvc.get().uri("/insights/new?call=" + entry.id()).with(user("analyst").roles("ANALYST"))).hasStatusOk()
                .bodyText().contains("call-back " + entry.id() + " by ida").contains("the reminder came anyway")
                .contains("name=\"problems\" value=\"" + entry.problemId() + "\"")
                .contains("name=\"call\" value=\"" + entry.id() + "\"");
        var result = mvc.post().uri("/insights").with(user("analyst").roles("ANALYST")).with(csrf())
                .formFields(newForm("title", "Reminders after payment", "problems", String.valueOf(entry.problemId()),
                        "call", String.valueOf(entry.id()))).exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/insights/", ""));
        assertThat(insights.get(InsightId.of(id)).content().evidence()).singleElement().isInstanceOfSatisfying(Evidence.CallNote.class,
                n -> assertThat(n.callId()).isEqualTo(entry.id()));
        assertThat(callbacks.get(entry.id()).insightId()).isEqualTo(id);
        assertThat(result).flash().extractingByKey("flash").asString().contains("Call " + entry.id() + "'s note is attached");
    }

    @Test
    void anotherNumberThanTheMeasuredOccurrencesNeedsAReasonBesideItsFieldAndTheReasonIsKept() {
        var day = java.time.LocalDate.now(clock).minusWeeks(3);
        intake.acceptAll(List.of(SignalSubmission.parse(new RawSignal("zendesk",
                "form-measured-1", "complaint", "SE", "card", "payment", day + "T10:00:00Z", "en",
                "complaint zolvath prenquist darbelon", null, null, "form-customer-2"), clock)));
        problems.assignPending();
        long problem = problems.list(List.of(), 100).stream().filter(p -> p.label().toLowerCase(java.util.Locale.ROOT).contains("zolvath")).findFirst().orElseThrow().id();
        long measured = insights.impactDefaults(List.of(problem)).occurrencesPerYear();
        var before = insights.get(insight.id());

        var refused = post("analyst", "ANALYST", form("problems", String.valueOf(problem), "occurrencesPerYear",
                String.valueOf(measured + 24_000)));

        assertRefused(refused, "id=\"occurrencesReason\"", "complaints the linked problems had in the last 52 weeks");
        assertThat(refused).bodyText().contains("value=\"" + (measured + 24_000) + "\"");
        assertThat(insights.get(insight.id())).isEqualTo(before);

        var saved = post("analyst", "ANALYST", form("problems", String.valueOf(problem), "occurrencesPerYear",
                String.valueOf(measured + 24_000), "occurrencesReason", "the chat logs show most never complain"));
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        var impact = insights.get(insight.id()).content().impact();
        assertThat(impact.occurrencesPerYear()).isEqualTo(measured + 24_000);
        assertThat(impact.measuredOccurrencesPerYear()).isEqualTo(measured);
        assertThat(impact.occurrencesReason()).isEqualTo("the chat logs show most never complain");
        assertThat(InsightForm.of(insights.get(insight.id()).content()).occurrencesReason())
                .isEqualTo("the chat logs show most never complain");
    }

    @Test
    void anUnknownProblemOrSquadOrCallIsNamedNotFound() {
        for (String query : List.of("problem=987654", "squad=987654", "call=987654")) {
            assertThat(mvc.get().uri("/insights/new?" + query).with(user("analyst").roles("ANALYST")))
                    .hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("987654");
        }
    }

    @Test
    void reloadingARefusedEditsAddressShowsTheInsightWithItsForm() {
        assertThat(mvc.get().uri("/insights/" + insight.id() + "/edit").with(user("analyst").roles("ANALYST"))).hasStatusOk()
                .bodyText().contains("id=\"edit-card\"").contains("action=\"/insights/" + insight.id() + "/edit#edit-card\"");
    }

    @Test
    void aSquadOffersItsDraftAndTheFormPrefilledFromTheSquad() {
        var problemWeek = cadence.lastWeek().minusWeeks(3);
        intake.acceptAll(List.of(SignalSubmission.parse(new RawSignal("zendesk",
                "form-squad-1", "complaint", "SE", "card", "payment", problemWeek.plusDays(2) + "T10:00:00Z", "en",
                "complaint vintrabel osquaroth pelmidrane", null, null, "form-customer-2"), clock)));
        problems.assignPending();
        var squad = cadence.form(problemWeek.plusWeeks(1), "analyst").squads().stream()
                .filter(q -> q.name().contains("vintrabel") || problems.get(ProblemId.of(q.problemId())).label().contains("vintrabel"))
                .findFirst().orElseThrow();

        assertThat(mvc.get().uri("/weekly?week=" + Weeks.label(squad.week()))
                .with(user("analyst").roles("ANALYST"))).hasStatusOk().bodyText()
                .contains("href=\"/insights/" + squad.insightId() + "#edit-card\"").contains("Write the insight");
        assertThat(mvc.get().uri("/insights/new?squad=" + squad.id()).with(user("analyst").roles("ANALYST"))).hasStatusOk()
                .bodyText().contains("name=\"problems\" value=\"" + squad.problemId() + "\"")
                .contains("name=\"title\" value=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(squad.name()) + "\"");
    }
}
