package com.zeromission.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The squads and the weekly review over HTTP, and the weekly page: 201 for a week formed now and 200 for one formed
 * before, 400 naming a bad week, 404 for an unknown squad, 409 for a closed one, and who may change what.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class SquadApiTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
            {"lars", "TEAM_MEMBER"}, {"viewer", "VIEWER"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Cadence cadence;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    Clock clock;

    private static int signals;

    /** Complaints last week about a problem of their own (words made for this test), grouped. */
    void lastWeeksComplaints(String words, int n) {
        complaintsIn(cadence.lastWeek(), words, n);
    }

    void complaintsIn(java.time.LocalDate week, String words, int n) {
        var list = new ArrayList<SignalSubmission>();
        for (int i = 0; i < n; i++) {
            list.add(SignalSubmission.parse(new RawSignal("squad-api-test", "s-" + (++signals), "complaint", "SE", "card",
                    "payment", week.plusDays(2) + "T10:00:00Z", "en", "complaint " + words, null, null, null),
                    clock));
        }
        intake.acceptAll(list);
        problems.assignPending();
    }

    @Test
    void formingAWeekAnswers201AndFormingItAgainAnswersTheSameSquadsWith200() {
        lastWeeksComplaints("vokaru silbeno quarmite dulvex", 4);
        String week = cadence.thisWeek().toString();

        var first = mvc.post().uri("/api/v1/squads/form?week=" + week).with(httpBasic("analyst", "secret")).exchange();
        var again = mvc.post().uri("/api/v1/squads/form?week=" + week).with(httpBasic("admin", "secret")).exchange();

        assertThat(first).hasStatus(201).bodyJson().extractingPath("$.squads[0].lead").isEqualTo("analyst");
        assertThat(again).hasStatus(200).bodyJson().extractingPath("$.formedBy").isEqualTo("analyst");
        assertThat(again).bodyJson().extractingPath("$.squads").asArray().hasSize(cadence.squads(cadence.thisWeek()).size());
        assertThat(mvc.post().uri("/api/v1/squads/form?week=" + week).with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(403);

        long id = cadence.squads(cadence.thisWeek()).getFirst().id();
        var changed = mvc.put().uri("/api/v1/squads/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"lead\":\"anna\",\"members\":[\"lars\",\"olle\"]}").exchange();
        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.members").asArray().containsExactly("lars", "olle");
        assertThat(mvc.put().uri("/api/v1/squads/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"lead\":\"Anna Svensson\"}").exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("Anna Svensson");
        // a merge patch (RFC 7396) changes the members it names and keeps the rest; a squad has no optional member
        var mergePatch = MediaType.parseMediaType("application/merge-patch+json");
        var patched = mvc.patch().uri("/api/v1/squads/" + id).with(httpBasic("analyst", "secret")).contentType(mergePatch)
                .content("{\"lead\":\"lars\"}").exchange();
        assertThat(patched).hasStatusOk().bodyJson().extractingPath("$.lead").isEqualTo("lars");
        assertThat(patched).bodyJson().extractingPath("$.members").asArray().containsExactly("lars", "olle");
        assertThat(mvc.patch().uri("/api/v1/squads/" + id).with(httpBasic("analyst", "secret")).contentType(mergePatch)
                .content("{\"lead\":null}").exchange()).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .startsWith("lead: cannot be removed");
        assertThat(mvc.patch().uri("/api/v1/squads/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"lead\":\"lars\"}").exchange()).hasStatus(415);
        assertThat(mvc.post().uri("/api/v1/squads/" + id + "/close").with(httpBasic("lars", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"handed to the invoicing team\"}").exchange())
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CLOSED");
        assertThat(mvc.post().uri("/api/v1/squads/" + id + "/close").with(httpBasic("lars", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"again\"}").exchange())
                .hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("was closed");
    }

    @Test
    void aTeamMemberClosesOnlyASquadTheyLeadOrAreOnAndAnAnalystAnySquad() {
        // last week's squads, from the week before's complaints: this week is formed by the other tests
        var week = cadence.lastWeek();
        complaintsIn(week.minusWeeks(1), "trondel vimaska pulnere oxbrith", 4);
        cadence.form(week, "analyst");
        var squad = cadence.squads(week).stream().filter(Squad::active).findFirst().orElseThrow();
        cadence.update(squad.id(), new SquadChange("anna", java.util.List.of("lars"), null, null), "analyst");

        var refused = mvc.post().uri("/api/v1/squads/" + squad.id() + "/close").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"not ours, closed anyway\"}").exchange();

        assertThat(refused).hasStatus(403).hasContentType("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zeromission.dev/problems/squad-membership-required");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString()
                .contains("squad " + squad.id(), "'anna'", "[lars]", "'member' is neither");
        assertThat(cadence.get(squad.id()).active()).as("a refused close changes nothing").isTrue();

        // an analyst acts for the whole program: neither lead nor member, and still closes it
        assertThat(mvc.post().uri("/api/v1/squads/" + squad.id() + "/close").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"merged into another squad\"}").exchange())
                .hasStatusOk().bodyJson().extractingPath("$.closedBy").isEqualTo("analyst");
    }

    @Autowired
    Insights insights;

    @Test
    void teamMemberListsTheActiveSquadsTheirTeamWorksIn() {
        var week = cadence.thisWeek().minusWeeks(3); // a week no other test forms
        complaintsIn(week.minusWeeks(1), "glombrat uvesk tarrimol", 5);
        complaintsIn(week.minusWeeks(1), "prevansk holudir emmet", 4);
        cadence.form(week, "analyst");
        var formed = cadence.squads(week);
        assertThat(formed).hasSizeGreaterThanOrEqualTo(2);
        var ours = formed.get(0);
        var theirs = formed.get(1);
        insights.saveTeam(new Team("squad-owners", "payments", java.util.List.of("member", "lars")));
        cadence.update(ours.id(), new SquadChange("anna", java.util.List.of("lars"), null, null), "analyst");
        cadence.update(theirs.id(), new SquadChange("olle", java.util.List.of(), null, null), "analyst");

        // member is not on the squad, but lars of their team is: the team's squad
        var mine = mvc.get().uri("/api/v1/squads?team=mine").with(httpBasic("member", "secret")).exchange();
        assertThat(mine).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .contains(Math.toIntExact(ours.id())).doesNotContain(Math.toIntExact(theirs.id()));
        assertThat(mvc.get().uri("/api/v1/squads?team=squad-owners").with(httpBasic("viewer", "secret")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$[*].id").asArray().contains(Math.toIntExact(ours.id()))
                .doesNotContain(Math.toIntExact(theirs.id()));
        assertThat(mvc.get().uri("/api/v1/squads?team=no-such-team").with(httpBasic("member", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("no team named 'no-such-team'");
        assertThat(mvc.get().uri("/api/v1/squads?team=mine&week=" + week).with(httpBasic("member", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("not both");
    }

    @Test
    void aBadWeekIsA400NamingTheValue() {
        assertThat(mvc.post().uri("/api/v1/squads/form?week=2026-12-01").with(httpBasic("analyst", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'2026-12-01'", "Tuesday");
        assertThat(mvc.get().uri("/api/v1/squads?week=banana").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'banana'");
        assertThat(mvc.get().uri("/api/v1/weekly-review?week=2026-W60").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("2026-W60");
        assertThat(mvc.post().uri("/api/v1/squads/form?week=2099-01-05").with(httpBasic("analyst", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("2099-01-05", "has not started yet");
    }

    @Test
    void anUnknownSquadIs404() {
        assertThat(mvc.get().uri("/api/v1/squads/987654").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("no squad with id 987654");
        assertThat(mvc.put().uri("/api/v1/squads/987654").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"lead\":\"anna\"}").exchange()).hasStatus(404);
        assertThat(mvc.post().uri("/api/v1/squads/987654/close").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"done\"}").exchange()).hasStatus(404);
    }

    @Test
    void theWeeklyReviewShowsLastWeeksTopProblemsWithTheirNewSquads() {
        lastWeeksComplaints("pelomir zantruvo kextila bormuge", 5);
        cadence.form(cadence.thisWeek(), "system"); // formed already by another test of this class, or now
        var squads = cadence.squads(cadence.thisWeek());

        var review = mvc.get().uri("/api/v1/weekly-review").with(httpBasic("viewer", "secret")).exchange();
        assertThat(review).hasStatusOk().bodyJson().extractingPath("$.week").isEqualTo(Weeks.label(cadence.lastWeek()));
        assertThat(review).bodyJson().extractingPath("$.formedNext[0].squad.name").isEqualTo(squads.getFirst().name());

        var page = mvc.get().uri("/weekly").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("Weekly review of " + Weeks.label(cadence.lastWeek()))
                .contains(squads.getFirst().name().replace("&", "&amp;")).contains("Did anything blow up?");
        assertThat(mvc.get().uri("/weekly?week=2026-12-02").with(user("viewer").roles("VIEWER")).exchange())
                .hasStatus(400).bodyText().contains("2026-12-02");
    }
}
